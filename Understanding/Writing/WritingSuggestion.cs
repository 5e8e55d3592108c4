namespace AuthorBot.Understanding.Writing;

/// <summary>One suggestion, quoting the sentence it is about.</summary>
/// <param name="Kind">What kind ("long sentence", "passive voice", ...).</param>
/// <param name="Advice">What to try, in a sentence.</param>
/// <param name="Sentence">The sentence it is about, as written.</param>
public sealed record WritingSuggestion(string Kind, string Advice, string Sentence);
