namespace AuthorBot.Understanding.Text;

/// <summary>A message as the classifier reads it.</summary>
/// <param name="Text">Lower-case words, names replaced by placeholders, misspellings corrected, joined by spaces.</param>
/// <param name="KnownWords">How many of its words (other than the most common ones) the examples taught.</param>
/// <param name="ContentWords">How many words it has other than the most common ones (names count as one).</param>
/// <param name="Entities">The names found in it.</param>
public sealed record PreparedUtterance(string Text, int KnownWords, int ContentWords, IReadOnlyList<EntityMatch> Entities)
{
    /// <summary>The share of its content words the examples taught (1 for a message of common words only).</summary>
    public double Coverage => ContentWords == 0 ? 1 : KnownWords / (double)ContentWords;
}
