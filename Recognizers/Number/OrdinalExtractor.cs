using AuthorBot.Recognizers.Number.English;

namespace AuthorBot.Recognizers.Number;

/// <summary>Finds ordinals ("third", "21st") and relative ordinals ("next", "the last but one").</summary>
internal static class OrdinalExtractor
{
    public const string TypeOrdinal = "ordinal";
    public const string TypeRelative = "ordinal.relative";

    /// <summary>A relative ordinal resolution carried to the parser.</summary>
    internal readonly record struct RelativeOrdinal(int Offset, string RelativeTo);

    /// <summary>
    /// Ordinals in <paramref name="query"/>, left to right. <see cref="ExtractResult.Data"/> is a <see cref="double"/>
    /// for <see cref="TypeOrdinal"/> and a <see cref="RelativeOrdinal"/> for <see cref="TypeRelative"/>.
    /// </summary>
    public static List<ExtractResult> Extract(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lower = query.ToLowerInvariant();
        var grammar = new EnglishNumberGrammar(lower);
        var results = new List<ExtractResult>();
        foreach (var c in grammar.ExtractOrdinals())
        {
            var start = grammar.StartOf(c);
            results.Add(new ExtractResult(start, grammar.EndOf(c) - start, TypeOrdinal, c.Value));
        }

        foreach (var match in EnglishOrdinalData.RelativeOrdinal().EnumerateMatches(lower))
        {
            var text = lower.AsSpan(match.Index, match.Length);
            var resolution = Classify(lower, match.Index, match.Length, text);
            Add(results, new ExtractResult(match.Index, match.Length, TypeRelative, resolution));
        }

        results.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return results;
    }

    private static RelativeOrdinal Classify(string lower, int index, int length, ReadOnlySpan<char> text)
    {
        // EnumerateMatches gives no groups, so re-match the span once to find which alternative fired.
        var match = EnglishOrdinalData.RelativeOrdinal().Match(lower, index, length);
        foreach (var (group, relativeTo, offset) in EnglishOrdinalData.RelativeGroups)
        {
            if (match.Groups[group].Success)
            {
                return new RelativeOrdinal(offset, relativeTo);
            }
        }

        throw new InvalidOperationException($"Unclassified relative ordinal '{text}'.");
    }

    /// <summary>Adds <paramref name="candidate"/> unless a longer result covers it; removes shorter ones it covers.</summary>
    private static void Add(List<ExtractResult> results, ExtractResult candidate)
    {
        for (var i = results.Count - 1; i >= 0; i--)
        {
            var other = results[i];
            if (other.Start < candidate.End && candidate.Start < other.End)
            {
                if (other.Length >= candidate.Length)
                {
                    return;
                }

                results.RemoveAt(i);
            }
        }

        results.Add(candidate);
    }
}
