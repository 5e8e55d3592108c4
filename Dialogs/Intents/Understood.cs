using AuthorBot.Understanding.Intents;

namespace AuthorBot.Dialogs.Intents;

/// <summary>
/// What the bot made of a message, kept on the turn (<see cref="ReaderUnderstanding.TurnStateKey"/>) so telemetry and
/// later steps read the same answer: the intent and its probability, the runner-up, the band, the sentiment score and the
/// author's books the message names.
/// </summary>
/// <param name="Prediction">The classifier's answer.</param>
/// <param name="Sentiment">VADER's compound score, -1 to 1.</param>
/// <param name="Band">What the score means for the bot.</param>
/// <param name="BookIds">The author's books named in the message, in order.</param>
public sealed record Understood(IntentPrediction Prediction, double Sentiment, UnderstandingBand Band, IReadOnlyList<string> BookIds)
{
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
