using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English patterns for durations.</summary>
internal static partial class EnglishDateTimePatterns
{
    public const string DurationNum = @"(?<num>\d+(?:\.\d+)?|" + NumWord + @"|a\s+few|few|several|some|another|an|a|½)";
    public const string HalfTail = @"(?:\s+and\s+(?<frac>a\s+half|half|a\s+quarter|quarter))";

    [GeneratedRegex(@"(?<![\w.])" + DurationNum + HalfTail + @"?\s*(?<unit>" + UnitName + @")\b" + HalfTail + "?", Opts)]
    public static partial Regex DurationRegex();

    /// <summary>Compact forms: "10d", "3y", "2w".</summary>
    [GeneratedRegex(@"(?<![\w.$~-])(?<num>\d{1,3})(?<unit>[dwy])(?![\w-])", Opts)]
    public static partial Regex CompactDurationRegex();

    [GeneratedRegex(@"\b(?:half\s+an?\s+(?<unit>hour|day|year|minute|month)|(?<num>½)\s*(?<unit>hour|day|year|minute))\b", Opts)]
    public static partial Regex HalfDurationRegex();

    [GeneratedRegex(@"\b(?<all>all|the\s+whole|the\s+entire|whole|entire)\s+(?<unit>day|week|month|year|night|morning|afternoon|evening)\b", Opts)]
    public static partial Regex AllDurationRegex();

    [GeneratedRegex(@"\b(?<lead>the)\s+(?<unit>hour)\b", Opts)]
    public static partial Regex TheHourRegex();

    [GeneratedRegex(@"^\s*(?:,|and|,\s*and)?\s*$", Opts)]
    public static partial Regex DurationJoinRegex();

    [GeneratedRegex(@"\b(?<mod>more\s+than|less\s+than|over|under|at\s+least|at\s+most|fewer\s+than|longer\s+than|shorter\s+than)\s*$", Opts)]
    public static partial Regex DurationModPrefixRegex();
}
