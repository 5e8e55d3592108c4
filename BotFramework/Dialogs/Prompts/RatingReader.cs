using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Recognizers;
using AuthorBot.Recognizers.Number;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Reads a star rating out of a reply, scaled to a maximum: "4 out of 5" and "8/10" (scaled), "four stars" and "4⭐",
/// a row of star emoji ("⭐⭐⭐⭐", "★★★★☆" counts the filled ones), or any number ("4", "four", "4.5"). Tried in that
/// order, so the number next to "stars" or "out of" wins over other numbers in the reply. Numbers themselves come from
/// the Recognizers number model, which reads "four out of five" as the fraction 0.8; hence the separators are found here.
/// </summary>
internal static partial class RatingReader
{
    // Enough words either side for "twenty one out of", "three and a half stars".
    private const int WordsBefore = 5;
    private const int WordsAfter = 3;

    // A reply longer than this is not an answer to "how many stars"; reading only its start keeps the work bounded.
    private const int MaxLength = 500;

    /// <summary>The rating on a 0..<paramref name="maxStars"/> scale (possibly fractional or out of range), or null.</summary>
    public static double? Read(string? text, int maxStars)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        foreach (var separator in OutOf().EnumerateMatches(text))
        {
            if (LastNumberBefore(text, separator.Index) is { } rated
                && FirstNumberAfter(text, separator.Index + separator.Length) is { } scale and > 0)
            {
                return scale == maxStars ? rated : rated * maxStars / scale;
            }
        }

        foreach (var star in StarWord().EnumerateMatches(text))
        {
            if (LastNumberBefore(text, star.Index) is { } stars)
            {
                return stars;
            }
        }

        // A row of only empty stars (U+2606) is a zero rating, which the prompt then explains is out of range.
        var glyphs = FilledStar().Count(text);
        if (glyphs > 0 || text.Contains('\u2606', StringComparison.Ordinal))
        {
            return glyphs;
        }

        return WholeOrFirstNumber(text);
    }

    private static double? LastNumberBefore(string text, int end)
    {
        var words = Words().Matches(text[..end]);
        for (var first = Math.Max(0, words.Count - WordsBefore); first < words.Count; first++)
        {
            if (Number(text[words[first].Index..end]) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static double? FirstNumberAfter(string text, int start)
    {
        var words = Words().Matches(text, start);
        for (var last = Math.Min(words.Count, WordsAfter) - 1; last >= 0; last--)
        {
            if (Number(text[start..(words[last].Index + words[last].Length)]) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The number <paramref name="candidate"/> is, when it is nothing else (trailing punctuation aside).</summary>
    private static double? Number(string candidate)
    {
        var trimmed = candidate.Trim().TrimEnd('.', ',', '!', '?', ';', ':', ')');
        if (trimmed.Length == 0)
        {
            return null;
        }

        return NumberRecognizer.RecognizeNumber(trimmed, Culture.English) is [var only] && only.Start == 0 && only.End == trimmed.Length - 1
            ? Value(only)
            : null;
    }

    private static double? WholeOrFirstNumber(string text) =>
        NumberRecognizer.RecognizeNumber(text, Culture.English) is [var first, ..] ? Value(first) : null;

    private static double? Value(ModelResult result) =>
        result.Resolution.TryGetValue("value", out var raw)
        && double.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value)
            ? value
            : null;

    [GeneratedRegex(@"/|\bout\s+of\b|\bof\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutOf();

    // Star words and filled star glyphs: U+2B50 (emoji star), U+2605 (black star), U+1F31F (glowing star).
    [GeneratedRegex(@"\bstars?\b|\u2B50|\u2605|\uD83C\uDF1F", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StarWord();

    [GeneratedRegex(@"\u2B50|\u2605|\uD83C\uDF1F", RegexOptions.CultureInvariant)]
    private static partial Regex FilledStar();

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
