namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Reads yes or no from an utterance; the seam keeps ConfirmPrompt independent of how.
/// </summary>
/// <remarks>
/// The Recognizers project's boolean model (AuthorBot.Recognizers.Choice) is a faithful port of Recognizers-Text and so
/// reads "I'm not sure" as yes (it matches "sure") and has no "not now" or "don't". For a confirmation that is the
/// wrong way to fail, so ConfirmPrompt keeps the local matcher, which handles negation and uncertainty.
/// </remarks>
internal interface IBooleanRecognizer
{
    /// <summary>True for yes, false for no, null when the utterance is neither (or both).</summary>
    bool? Recognize(string? utterance, string? locale);
}
