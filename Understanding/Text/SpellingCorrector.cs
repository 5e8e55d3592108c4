using System.Collections.Frozen;

namespace AuthorBot.Understanding.Text;

/// <summary>
/// Puts misspelt words back to the words the classifier was taught ("recomend" to "recommend", "newsleter" to
/// "newsletter"). The vocabulary comes from the training examples only, so cross-validation judges it honestly. Lookups
/// go through an index of every known word with one letter deleted (the symmetric-delete idea of SymSpell), so
/// correcting a word costs a few dictionary lookups rather than a pass over the vocabulary.
/// </summary>
public sealed class SpellingCorrector
{
    private readonly FrozenDictionary<string, int> _counts;
    private readonly FrozenDictionary<string, string[]> _deletes;
    private readonly int _longest;

    /// <summary>Builds the vocabulary from words as they appear in the examples.</summary>
    /// <param name="words">Every word of every example (repeats count: a common word wins ties).</param>
    public SpellingCorrector(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        var deletes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var word in counts.Keys.Where(w => EditDistance.Tolerance(w.Length) > 0))
        {
            foreach (var variant in Variants(word))
            {
                if (!deletes.TryGetValue(variant, out var list))
                {
                    deletes[variant] = list = [];
                }

                if (!list.Contains(word))
                {
                    list.Add(word);
                }
            }
        }

        _counts = counts.ToFrozenDictionary(StringComparer.Ordinal);
        _longest = counts.Keys.Select(w => w.Length).DefaultIfEmpty(0).Max();
        _deletes = deletes.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Whether the word was in the examples.</summary>
    /// <param name="word">A lower-case word.</param>
    /// <returns>True when known.</returns>
    public bool IsKnown(string word) => _counts.ContainsKey(word);

    /// <summary>The known word a typed word most likely stands for, or the word itself.</summary>
    /// <param name="word">A lower-case word.</param>
    /// <returns>The correction, or <paramref name="word"/> when it is known, too short, has digits or is not close to anything.</returns>
    public string Correct(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        // One deletion on either side reaches only words within one letter of the typed one's length; anything longer
        // cannot match, and its variants alone would cost the square of its length (a pasted 200,000-letter "word"
        // held its conversation for minutes).
        if (_counts.ContainsKey(word) || EditDistance.Tolerance(word.Length) == 0 || word.Length > _longest + 1 || word.Any(char.IsDigit))
        {
            return word;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        var bestCount = 0;
        foreach (var variant in Variants(word))
        {
            if (!_deletes.TryGetValue(variant, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                var tolerance = EditDistance.Tolerance(candidate.Length);
                var distance = EditDistance.Bounded(word, candidate, tolerance);
                var count = _counts[candidate];
                if (distance <= tolerance
                    && (distance < bestDistance || (distance == bestDistance && (count > bestCount || (count == bestCount && string.CompareOrdinal(candidate, best) < 0)))))
                {
                    (best, bestDistance, bestCount) = (candidate, distance, count);
                }
            }
        }

        return best ?? word;
    }

    /// <summary>The word itself and the word with each one letter deleted.</summary>
    private static IEnumerable<string> Variants(string word)
    {
        yield return word;
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }
}
