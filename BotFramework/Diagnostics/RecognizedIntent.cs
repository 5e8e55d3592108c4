using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.Diagnostics;

/// <summary>
/// What a recognizer made of the turn's message: the seam between whatever recognizes intents (keywords, a trained
/// classifier) and the turn's telemetry. A recognizer stores it in <see cref="ITurnContext.TurnState"/> with
/// <see cref="SetRecognizedIntent"/> (or <c>TurnState.Set(new RecognizedIntent(...))</c>); the turn span reads it when
/// the turn ends and records <see cref="TelemetryAttributes.Intent"/> and <see cref="TelemetryAttributes.IntentScore"/>.
/// The last one set in a turn wins.
/// </summary>
/// <param name="Name">The intent's label (a fixed label of the recognizer, never the reader's words).</param>
/// <param name="Score">Confidence from 0 to 1 (1 for a keyword match).</param>
public sealed record RecognizedIntent(string Name, double Score)
{
    /// <summary>Records the intent recognized in this turn's message.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="name">The intent's label.</param>
    /// <param name="score">Confidence from 0 to 1.</param>
    public static void SetRecognizedIntent(ITurnContext turnContext, string name, double score)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentException.ThrowIfNullOrEmpty(name);
        turnContext.TurnState.Set(new RecognizedIntent(name, Math.Clamp(score, 0, 1)));
    }

    /// <summary>The intent recognized in this turn, if a recognizer set one.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <returns>The intent, or null.</returns>
    public static RecognizedIntent? Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<RecognizedIntent>();
    }
}
