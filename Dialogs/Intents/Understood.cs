using AuthorBot.Understanding.Intents;

namespace AuthorBot.Dialogs.Intents;

/// <summary>
/// What the bot made of a message, kept on the turn (<see cref="ReaderUnderstanding.TurnStateKey"/>) so telemetry and
/// later steps read the same answer: the intent and its probability, the runner-up, the band, the sentiment score and the
/// author's books the message names.
/// </summary>
public sealed record Understood
{
    // Most messages are answered on their intent alone (a confident request, an answer inside a flow), so the sentiment
    // is scored the first time something asks for it, once.
    private readonly Lazy<double> _sentiment;

    /// <summary>Creates the understanding of one message.</summary>
    /// <param name="prediction">The classifier's answer.</param>
    /// <param name="sentiment">Scores the message's sentiment (VADER's compound, -1 to 1) when first asked.</param>
    /// <param name="band">What the score means for the bot.</param>
    /// <param name="bookIds">The author's books named in the message, in order.</param>
    public Understood(IntentPrediction prediction, Func<double> sentiment, UnderstandingBand band, IReadOnlyList<string> bookIds)
    {
        ArgumentNullException.ThrowIfNull(sentiment);
        Prediction = prediction ?? throw new ArgumentNullException(nameof(prediction));
        _sentiment = new Lazy<double>(sentiment);
        Band = band;
        BookIds = bookIds ?? throw new ArgumentNullException(nameof(bookIds));
    }

    /// <summary>The classifier's answer.</summary>
    public IntentPrediction Prediction { get; init; }

    /// <summary>What the score means for the bot.</summary>
    public UnderstandingBand Band { get; init; }

    /// <summary>The author's books named in the message, in order.</summary>
    public IReadOnlyList<string> BookIds { get; init; }

    /// <summary>VADER's compound score of the message, -1 to 1.</summary>
    public double Sentiment => _sentiment.Value;

    /// <summary>The most likely intent, or null when nothing in the message was understood.</summary>
    public string? Intent => Prediction.Best?.Intent;

    /// <summary>The most likely intent's probability.</summary>
    public float Score => Prediction.Score;

    /// <summary>Whether the bot will act on <see cref="Intent"/> without asking.</summary>
    public bool IsConfident => Band == UnderstandingBand.Act;

    /// <summary>Whether the bot, inside a flow, takes the message as a change of topic rather than an answer.</summary>
    public bool IsSwitch => IsConfident && Score >= ReaderUnderstanding.SwitchThreshold;

    /// <summary>Whether the message reads as strongly negative (VADER compound at or below -0.5).</summary>
    public bool IsStronglyNegative => Sentiment <= ReaderUnderstanding.StronglyNegative;
}
