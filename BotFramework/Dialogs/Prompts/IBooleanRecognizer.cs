namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Reads yes or no from an utterance. The seam lets ConfirmPrompt switch to the Recognizers project's boolean model
/// once it lands without touching the prompt.
/// </summary>
internal interface IBooleanRecognizer
{
    /// <summary>True for yes, false for no, null when the utterance is neither (or both).</summary>
    bool? Recognize(string? utterance, string? locale);
}
