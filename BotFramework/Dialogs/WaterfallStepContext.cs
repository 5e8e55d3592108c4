namespace AuthorBot.BotFramework.Dialogs;

/// <summary>The context a waterfall step runs in: a dialog context plus the step's index, result, options and values.</summary>
public class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, object? options, IDictionary<string, object?> values, int index, DialogReason reason, object? result)
        : base(dc)
    {
        _waterfall = waterfall;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The step's index (0 for the first step).</summary>
    public int Index { get; }

    /// <summary>The options the waterfall was started with (after a restart, in their JSON form; see <see cref="GetOptions{T}"/>).</summary>
    public object? Options { get; }

    /// <summary>Why this step runs.</summary>
    public DialogReason Reason { get; }

    /// <summary>The previous step's result: a prompt's answer, or what was passed to <see cref="NextAsync"/>.</summary>
    public object? Result { get; }

    /// <summary>Values kept across the waterfall's steps and turns (stored as JSON; read with <see cref="DialogStateExtensions.GetValue{T}"/>).</summary>
    public IDictionary<string, object?> Values { get; }

    /// <summary>The start options as <typeparamref name="T"/>, converting from their stored JSON form if needed.</summary>
    /// <typeparam name="T">The options type.</typeparam>
    /// <returns>The options, or default.</returns>
    public T? GetOptions<T>() => Options switch
    {
        null => default,
        T typed => typed,
        var other => DialogStateExtensions.Convert<T>(other),
    };

    /// <summary>Skips to the next step now, passing <paramref name="result"/> as its result.</summary>
    /// <param name="result">The result for the next step.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn result.</returns>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of waterfall '{_waterfall.Id}'.");
        }

        _nextCalled = true;
        return _waterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}
