using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AuthorBot.Recognizers.Choice.English;

namespace AuthorBot.Recognizers.Choice;

/// <summary>
/// Finds the best yes/no answer in a query. Like Recognizers-Text's choice recognizer, every match scores
/// <c>0.4 + 0.6 * matchedTokens / queryTokens</c> (tokens are words, and each emoji code point on its own) and only
/// the top-scoring match (the earliest on ties) is returned. An uncertain answer ("not sure", "maybe") competes too: a
/// yes or no word inside it does not count, and when it scores best there is no answer at all.
/// </summary>
internal static class BooleanExtractor
{
    /// <summary>The answer found: span, value and score.</summary>
    internal readonly record struct BooleanMatch(int Start, int Length, bool Value, double Score);

    public static BooleanMatch? Extract(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var total = CountTokens(query);
        if (total == 0)
        {
            return null;
        }

        // Uncertain spans are few (usually none), so a short list beats anything cleverer.
        List<(int Start, int End)>? uncertain = null;
        (int Start, double Score) bestUncertain = (int.MaxValue, double.MinValue);
        foreach (var match in EnglishBooleanData.Uncertain().EnumerateMatches(query))
        {
            (uncertain ??= []).Add((match.Index, match.Index + match.Length));
            var score = Score(query, match.Index, match.Length, total);
            if (score > bestUncertain.Score)
            {
                bestUncertain = (match.Index, score);
            }
        }

        BooleanMatch? best = null;
        Consider(EnglishBooleanData.True(), true, query, total, uncertain, ref best);
        Consider(EnglishBooleanData.False(), false, query, total, uncertain, ref best);
        if (best is { } b && (bestUncertain.Score > b.Score || (bestUncertain.Score == b.Score && bestUncertain.Start < b.Start)))
        {
            return null;
        }

        return best;
    }

    private static void Consider(Regex regex, bool value, string query, int total, List<(int Start, int End)>? uncertain, ref BooleanMatch? best)
    {
        foreach (var match in regex.EnumerateMatches(query))
        {
            if (uncertain is not null && Overlaps(uncertain, match.Index, match.Index + match.Length))
            {
                continue;
            }

            var score = Score(query, match.Index, match.Length, total);
            if (best is not { } b || score > b.Score || (score == b.Score && match.Index < b.Start))
            {
                best = new BooleanMatch(match.Index, match.Length, value, score);
            }
        }
    }

    private static double Score(string query, int start, int length, int total) =>
        0.4 + (0.6 * CountTokens(query.AsSpan(start, length)) / total);

    private static bool Overlaps(List<(int Start, int End)> spans, int start, int end)
    {
        foreach (var span in spans)
        {
            if (start < span.End && span.Start < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words (runs of letters, digits and '_') plus one token per symbol code point such as an emoji.</summary>
    internal static int CountTokens(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value == '_')
            {
                if (!inWord)
                {
                    count++;
                    inWord = true;
                }

                continue;
            }

            inWord = false;
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol || rune.Value > 0xFFFF)
            {
                count++;
            }
        }

        return count;
    }
}
