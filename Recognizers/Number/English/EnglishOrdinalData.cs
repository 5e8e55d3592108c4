using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.Number.English;

/// <summary>English relative ordinals ("next", "the last but one") and percent words.</summary>
internal static partial class EnglishOrdinalData
{
    /// <summary>Relative ordinals. Group names encode the resolution: <c>end_1</c> is "end-1", <c>current1</c> is "current+1".</summary>
    [GeneratedRegex(
        @"(?<end_1>\b(?:the\s+)?(?:last\s+but\s+one|second\s+to\s+last|one\s+before\s+the\s+last(?:\s+one)?)\b|\bnext\s+to\s+last\b|\bpenultimate\b)" +
        @"|(?<end_2>\bantepenultimate\b)" +
        @"|(?<current1>\bnext(?:\s+one)?\b)" +
        @"|(?<current_1>\bprevious(?:\s+one)?\b)" +
        @"|(?<current0>\bcurrent(?:\s+one)?\b)" +
        @"|(?<end0>\blast\b)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex RelativeOrdinal();

    /// <summary>(group name, relativeTo, offset) for each alternative of <see cref="RelativeOrdinal"/>.</summary>
    public static readonly (string Group, string RelativeTo, int Offset)[] RelativeGroups =
    [
        ("end_1", "end", -1), ("end_2", "end", -2), ("current1", "current", 1),
        ("current_1", "current", -1), ("current0", "current", 0), ("end0", "end", 0),
    ];

    /// <summary>Words after a number that make it a percentage.</summary>
    public static bool IsPercentWord(ReadOnlySpan<char> word) => word is "percent" or "percents" or "percentage" or "percentages";
}
