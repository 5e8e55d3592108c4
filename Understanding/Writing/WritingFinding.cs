namespace AuthorBot.Understanding.Writing;

/// <summary>One thing found in one sentence.</summary>
/// <param name="Sentence">The sentence, as written.</param>
/// <param name="Phrase">The words that caught the eye ("was taken", "door ... door").</param>
public sealed record WritingFinding(string Sentence, string Phrase);
