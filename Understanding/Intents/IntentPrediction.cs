using AuthorBot.Understanding.Text;

namespace AuthorBot.Understanding.Intents;

/// <summary>What the classifier made of a message: its best guess, the runner-up, and the message as it was read.</summary>
/// <param name="Best">The most likely intent; null when the message held no word the examples taught.</param>
/// <param name="RunnerUp">The second most likely, for "did you mean X or Y?".</param>
/// <param name="Utterance">The message as the classifier read it (names found, spelling corrected).</param>
public sealed record IntentPrediction(IntentGuess? Best, IntentGuess? RunnerUp, PreparedUtterance Utterance)
{
    /// <summary>The best guess's probability, 0 when there is none.</summary>
    public float Score => Best?.Score ?? 0;
}
