namespace AuthorBot.Understanding.Text;

/// <summary>A name found in a message.</summary>
/// <param name="Entity">The phrase that matched.</param>
/// <param name="Start">Index of its first word in the message's words.</param>
/// <param name="Length">How many words of the message it covered.</param>
/// <param name="Edits">Spelling edits it took to match (0 for exact).</param>
public sealed record EntityMatch(EntityPhrase Entity, int Start, int Length, int Edits);
