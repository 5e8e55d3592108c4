using System.Globalization;
using AuthorBot.BotFramework.Builder;
using AuthorBot.Recognizers;
using AuthorBot.Recognizers.Number;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks for a number ("3", "twelve", "1,500", "I'd like 2 tickets") and ends with it as <typeparamref name="T"/>
/// (int, long, float, double or decimal). A fraction asked for as a whole number, or one out of range, is retried.
/// </summary>
/// <typeparam name="T">The numeric type.</typeparam>
public class NumberPrompt<T> : Prompt<T>
    where T : struct
{
    private static readonly Type[] _supported = [typeof(int), typeof(long), typeof(float), typeof(double), typeof(decimal)];

    /// <summary>Creates the prompt.</summary>
    /// <param name="dialogId">Its id.</param>
    /// <param name="validator">Optional validation, e.g. a range.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a supported numeric type.</exception>
    public NumberPrompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId, validator)
    {
        if (!_supported.Contains(typeof(T)))
        {
            throw new NotSupportedException($"NumberPrompt supports int, long, float, double and decimal, not {typeof(T).Name}.");
        }
    }

    /// <inheritdoc />
    protected override string? RetryHint => IsWhole ? "Sorry, I need a whole number, like 2." : "Sorry, I need a number, like 2 or 3.5.";

    private static bool IsWhole => typeof(T) == typeof(int) || typeof(T) == typeof(long);

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        var result = new PromptRecognizerResult<T>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(result);
        }

        // English is the only culture the recognizer has; other locales still get English parsing rather than an error.
        var found = NumberRecognizer.RecognizeNumber(text, Culture.English);
        if (found.Count > 0
            && found[0].Resolution.TryGetValue("value", out var raw)
            && decimal.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && TryConvert(number, out var value))
        {
            result.Succeeded = true;
            result.Value = value;
        }

        return Task.FromResult(result);
    }

    private static bool TryConvert(decimal number, out T value)
    {
        value = default;
        if (IsWhole && decimal.Truncate(number) != number)
        {
            return false;
        }

        try
        {
            value = (T)Convert.ChangeType(number, typeof(T), CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
