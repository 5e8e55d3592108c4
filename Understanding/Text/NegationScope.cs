using System.Collections.Frozen;

namespace AuthorBot.Understanding.Text;

/// <summary>
/// Marks the words a negation governs ("I no longer want the newsletter" reads "i no longer not_want not_the
/// not_newsletter"), the classic trick of sentiment analysis: a bag of words otherwise sees "newsletter" and "want" and
/// signs the reader up. The scope is the next three words, stopping at a placeholder or another negation.
/// </summary>
public static class NegationScope
{
    /// <summary>The prefix of a negated word.</summary>
    public const string Prefix = "not_";

    private const int Scope = 3;

    private static readonly FrozenSet<string> _cues = new[]
    {
        "no", "not", "never", "nor", "none", "nothing", "without", "cannot", "dont", "doesnt", "didnt", "wont", "cant",
        "isnt", "arent", "wasnt", "shouldnt", "wouldnt", "longer",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The words with those in a negation's scope prefixed by <see cref="Prefix"/>.</summary>
    /// <param name="words">Lower-case words.</param>
    /// <returns>A new list.</returns>
    public static List<string> Mark(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var marked = new List<string>(words.Count);
        var remaining = 0;
        foreach (var word in words)
        {
            if (IsCue(word))
            {
                marked.Add(word);
                remaining = Scope;
                continue;
            }

            if (remaining > 0 && !word.EndsWith("entity", StringComparison.Ordinal))
            {
                marked.Add(Prefix + word);
                remaining--;
                continue;
            }

            remaining = 0;
            marked.Add(word);
        }

        return marked;
    }

    private static bool IsCue(string word) => _cues.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal);
}
