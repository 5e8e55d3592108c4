namespace AuthorBot.Understanding.Intents;

/// <summary>One labelled utterance: what a reader might say, and what they mean by it.</summary>
/// <param name="Intent">The intent's id, e.g. "recommend" or "faq:audiobook-narrator".</param>
/// <param name="Text">The utterance; names of a kind may stand in braces, e.g. "what's {book} about?".</param>
/// <param name="Source">Where it came from (a file and line), for reports and error messages.</param>
public sealed record IntentExample(string Intent, string Text, string Source = "");
