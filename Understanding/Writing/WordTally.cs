namespace AuthorBot.Understanding.Writing;

/// <summary>A word and how often it appears.</summary>
/// <param name="Word">The word, lower case.</param>
/// <param name="Count">How often.</param>
public sealed record WordTally(string Word, int Count);
