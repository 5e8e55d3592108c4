using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AuthorBot.Recognizers.Choice.English;

namespace AuthorBot.Recognizers.Choice;

/// <summary>
/// Finds the best yes/no answer in a query. Like Recognizers-Text's choice recognizer, every match scores
/// <c>0.4 + 0.6 * matchedTokens / queryTokens</c> (tokens are words, and each emoji code point on its own) and only
/// the top-scoring match (the earliest on ties) is returned.
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

        BooleanMatch? best = null;
        Consider(EnglishBooleanData.True(), true, query, total, ref best);
        Consider(EnglishBooleanData.False(), false, query, total, ref best);
        return best;
    }

    private static void Consider(Regex regex, bool value, string query, int total, ref BooleanMatch? best)
    {
        foreach (var match in regex.EnumerateMatches(query))
        {
            var tokens = CountTokens(query.AsSpan(match.Index, match.Length));
            var score = 0.4 + (0.6 * tokens / total);
            if (best is not { } b || score > b.Score || (score == b.Score && match.Index < b.Start))
            {
                best = new BooleanMatch(match.Index, match.Length, value, score);
            }
        }
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
