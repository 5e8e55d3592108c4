using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Dialogs;

/// <summary>A dialog that runs its steps top to bottom, one user answer per step; the stored step index survives restarts.</summary>
public class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "stepIndex";
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";

    private readonly List<WaterfallStep> _steps;

    /// <summary>Creates a waterfall.</summary>
    /// <param name="dialogId">Its id.</param>
    /// <param name="steps">Its steps, in order.</param>
    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        _steps = steps?.ToList() ?? [];
    }

    /// <summary>Appends a step.</summary>
    /// <param name="step">The step.</param>
    /// <returns>This waterfall.</returns>
    public WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options;
        state[ValuesKey] = new Dictionary<string, object?>(StringComparer.Ordinal);
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // Only messages advance a waterfall; typing indicators or events must not consume a step.
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return Task.FromResult(EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = dc.ActiveDialog!.State.GetValue<int>(StepIndexKey);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>Runs one step; override to add logging or telemetry around steps.</summary>
    /// <param name="stepContext">The step's context.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The step's result.</returns>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return _steps[stepContext.Index](stepContext, cancellationToken);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            // Past the last step: the waterfall ends with the last step's result.
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = index;
        var values = state.GetValue<IDictionary<string, object?>>(ValuesKey) ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        state[ValuesKey] = values;
        var stepContext = new WaterfallStepContext(this, dc, state.TryGetValue(OptionsKey, out var options) ? options : null, values, index, reason, result);
        DialogTelemetry.StepRan(dc, Id, index);
        return await OnStepAsync(stepContext, cancellationToken).ConfigureAwait(false);
    }
}
