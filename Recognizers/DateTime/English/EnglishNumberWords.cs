using System.Globalization;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>Reads the small numbers that occur in date-time text ("twenty nine", "04th", "2.5", "a").</summary>
internal static class EnglishNumberWords
{
    private static readonly char[] _separators = [' ', '-', '\t'];

    public static double? ParseNumber(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return null;
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        var total = 0;
        var any = false;
        foreach (var word in t.Split(_separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word == "and")
            {
                continue;
            }

            if (EnglishDateTimeData.Cardinals.TryGetValue(word, out var v))
            {
                total += v;
                any = true;
            }
            else if (word == "hundred")
            {
                total = (total == 0 ? 1 : total) * 100;
                any = true;
            }
            else
            {
                return null;
            }
        }

        return any ? total : null;
    }

    /// <summary>
    /// Reads a year in words: "nineteen eighty six" (century then two digits), "seventeen hundred thirty three",
    /// "two thousand and fifteen".
    /// </summary>
    public static int? ParseYearWords(string text)
    {
        var t = text.Trim();
        foreach (var (word, factor) in (ReadOnlySpan<(string, int)>)[("thousand", 1000), ("hundred", 100)])
        {
            var at = t.IndexOf(word, StringComparison.Ordinal);
            if (at > 0)
            {
                var head = ParseNumber(t[..at]);
                var rest = t[(at + word.Length)..].Trim();
                var tail = rest.Length == 0 ? 0 : ParseNumber(rest);
                return head is { } h && tail is { } r ? (int)((h * factor) + r) : null;
            }
        }

        var space = t.IndexOfAny(_separators);
        if (space <= 0)
        {
            return null;
        }

        var century = ParseNumber(t[..space]);
        var years = ParseNumber(t[(space + 1)..]);
        return century is { } c && years is { } y ? (int)((c * 100) + y) : null;
    }

    /// <summary>Reads a day of month given as digits with an optional suffix, an ordinal word or a cardinal word.</summary>
    public static int? ParseDay(string text)
    {
        var t = text.Trim();
        var digits = 0;
        while (digits < t.Length && char.IsAsciiDigit(t[digits]))
        {
            digits++;
        }

        if (digits > 0)
        {
            return int.Parse(t.AsSpan(0, digits), CultureInfo.InvariantCulture);
        }

        return ParseOrdinal(t) ?? (int?)ParseNumber(t);
    }

    public static int? ParseOrdinal(string text)
    {
        var t = text.Trim();
        if (EnglishDateTimeData.Ordinals.TryGetValue(t, out var o))
        {
            return o;
        }

        var parts = t.Split(_separators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1)
        {
            foreach (var prefix in (string[])["twenty", "thirty"])
            {
                if (t.StartsWith(prefix, StringComparison.Ordinal) && EnglishDateTimeData.Ordinals.TryGetValue(t[prefix.Length..], out var rest))
                {
                    return EnglishDateTimeData.Cardinals[prefix] + rest;
                }
            }

            return null;
        }

        if (parts.Length == 2 && EnglishDateTimeData.Cardinals.TryGetValue(parts[0], out var tens) && EnglishDateTimeData.Ordinals.TryGetValue(parts[1], out var unit))
        {
            return tens + unit;
        }

        return null;
    }
}
