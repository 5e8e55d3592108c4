using System.Globalization;
using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks for a star rating from 1 to <see cref="MaxStars"/> and ends with it as a whole number. Understands "4", "four",
/// "4/5", "4 out of 5", "four stars", "4⭐", "⭐⭐⭐⭐" and "★★★★☆"; a rating out of another scale ("8/10") is scaled.
/// A rating between whole stars ("4.5") is rounded or refused as <see cref="Fractions"/> says; a rating out of range
/// gets a retry that states the range.
/// </summary>
public class RatingPrompt : Prompt<int>
{
    private const string ProblemKey = "ratingProblem";
    private const string OutOfRange = "outOfRange";
    private const string Fraction = "fraction";

    private readonly int _maxStars = 5;

    /// <summary>Creates the prompt.</summary>
    /// <param name="dialogId">Its id.</param>
    /// <param name="validator">Optional extra validation.</param>
    public RatingPrompt(string dialogId, PromptValidator<int>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>The best rating (the worst is 1). Default 5; between 2 and 100.</summary>
    public int MaxStars
    {
        get => _maxStars;
        init => _maxStars = value is >= 2 and <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A rating scale needs 2 to 100 stars.");
    }

    /// <summary>What to do with a rating between whole stars. Default <see cref="RatingFractions.Round"/> (4.5 gives 5).</summary>
    public RatingFractions Fractions { get; init; } = RatingFractions.Round;

    /// <inheritdoc />
    protected override string? RetryHint => string.Create(CultureInfo.InvariantCulture, $"Sorry, I need a rating from 1 to {MaxStars} stars, like \"4\" or \"4 stars\".");

    /// <inheritdoc />
    protected override string? GetRetryHint(IDictionary<string, object?> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.GetValue<string>(ProblemKey) switch
        {
            OutOfRange => string.Create(CultureInfo.InvariantCulture, $"Ratings go from 1 to {MaxStars} stars."),
            Fraction => string.Create(CultureInfo.InvariantCulture, $"Please give a whole number of stars, from 1 to {MaxStars}."),
            _ => RetryHint,
        };
    }

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<int>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        var result = new PromptRecognizerResult<int>();
        state.Remove(ProblemKey);
        if (RatingReader.Read(turnContext.Activity.Text, MaxStars) is not { } rating)
        {
            return Task.FromResult(result);
        }

        var whole = Math.Round(rating, MidpointRounding.AwayFromZero);
        if (rating < 1 || rating > MaxStars)
        {
            state[ProblemKey] = OutOfRange;
        }
        else if (whole != rating && Fractions == RatingFractions.Reject)
        {
            state[ProblemKey] = Fraction;
        }
        else
        {
            result.Succeeded = true;
            result.Value = (int)whole;
        }

        return Task.FromResult(result);
    }
}
