using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English patterns for time ranges and parts of the day.</summary>
internal static partial class EnglishDateTimePatterns
{
    private const string RangeHour1 = @"(?:(?<hhmm1>[01]\d[0-5]\d|2[0-3][0-5]\d)|(?:(?<h1>2[0-4]|[01]?\d)|(?<hw1>" + Teens + "|" + Units1To9 + @"|twelve))(?:\s*[:.]\s*(?<m1>[0-5]\d)|[\s-]+(?<mw1>" + NumWord + @"))?)(?:\s*(?<ap1>" + AmPm + @"))?(?:\s*" + OClock + ")?";
    private const string RangeHour2 = @"(?:(?<hhmm2>[01]\d[0-5]\d|2[0-3][0-5]\d)|(?:(?<h2>2[0-4]|[01]?\d)|(?<hw2>" + Teens + "|" + Units1To9 + @"|twelve))(?:\s*[:.]\s*(?<m2>[0-5]\d)|[\s-]+(?<mw2>" + NumWord + @"))?)(?:\s*(?<ap2>" + AmPm + @"))?(?:\s*" + OClock + ")?";

    [GeneratedRegex(@"(?<![\d/.:-])\b(?:(?<from>from|between)\s+)?" + RangeHour1 + @"\s*(?:(?<conn>(?<=[\dm.]\s*)-|–|~|to|until|till|through|thru)|(?<=between\s.*)and)\s*" + RangeHour2 + @"(?![\d/:]|[.-]\d|\s*(?:st|nd|rd|th|days?|weeks?|months?|years?|hours?|minutes?|people|of\s+(?:" + MonthName + @")|%))(?:" + Tod + @"|\s+(?<tod>in\s+the\s+(?:morning|afternoon|evening)))?", Opts)]
    public static partial Regex TimeRangeRegex();

    [GeneratedRegex(@"(?<!\bgood\s+)\b(?:(?<pos>early|late|later|earlier)\s+(?:in\s+)?(?:the\s+)?|in\s+the\s+|(?<around>around|before|after)\s+)?(?<part>morning|afternoon|evening|night-?time|night|daytime|lunchtime|lunch|breakfast|dinner|business\s+hours)(?!\w)", Opts)]
    public static partial Regex PartOfDayRegex();

    [GeneratedRegex(@"^\s*(?:-|–|~|to|until|till|through|thru)\s*$", Opts)]
    public static partial Regex TimeRangeConnectorRegex();

    [GeneratedRegex(@"\b(?:from|between)\s+$", Opts)]
    public static partial Regex TimeRangePrefixRegex();
}

/// <summary>English patterns that join a start time and a duration.</summary>
internal static partial class EnglishDateTimePatterns
{
    [GeneratedRegex(@"\G\s+from\s+" + Hour + @"(?:\s*:\s*" + Minute + @")?(?:\s*" + AmPm + @")?(?![\d:])", Opts)]
    public static partial Regex FromTimeAfterDurationRegex();

    [GeneratedRegex(@"\bfrom\s+" + Hour + @"(?:\s*:\s*" + Minute + @")?(?:\s*" + AmPm + @")?\s+for\s+$", Opts)]
    public static partial Regex FromTimeBeforeDurationRegex();
}
