using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English patterns that join dates and times into date-times.</summary>
internal static partial class EnglishDateTimePatterns
{
    [GeneratedRegex(@"^\s*(?:,|at|on|@|for|-|,\s*at|around|about|in\s+the)?\s*$", Opts)]
    public static partial Regex DateThenTimeConnectorRegex();

    [GeneratedRegex(@"^\s*(?:,|on|of|,\s*on)?\s*$", Opts)]
    public static partial Regex TimeThenDateConnectorRegex();

    [GeneratedRegex(@"\G\s*(?:,\s*)?(?<conn>at|around|about|@|,)\s*(?:" + Hour + "|" + HourWord + @")(?:\s*" + OClock + @")?(?![\d:/]|[.-]\d|\s*(?:st|nd|rd|th|%|am\b|pm\b|a\.m|p\.m|hours?|minutes?|mins?|days?|weeks?|years?|months?|people|persons?|of)\b)", Opts)]
    public static partial Regex BareTimeAfterDateRegex();

    [GeneratedRegex(@"\G\s+" + HourWord + @"(?:\s*" + OClock + @")(?!\w)|\G\s+(?:" + Hour + "|" + HourWord + @")\s*" + OClock, Opts)]
    public static partial Regex OClockAfterDateRegex();

    /// <summary>Between a date with a part of day and its time: "sunday late evening at 10:00".</summary>
    [GeneratedRegex(@"^\s*(?:,\s*)?(?:at|@)\s*$", Opts)]
    public static partial Regex DayPartThenTimeConnectorRegex();

    [GeneratedRegex(@"^(?<date>[^(]+)T(?<part>MO|AF|EV|NI)$", Opts)]
    public static partial Regex DayPartTimexRegex();

    [GeneratedRegex(@"\b(?:right\s+now|now|at\s+the\s+moment|at\s+the\s+minute|at\s+present|at\s+the\s+present\s+time|at\s+this\s+time|currently|as\s+soon\s+as\s+possible|asap|just\s+now)\b", Opts)]
    public static partial Regex NowRegex();

    [GeneratedRegex(@"\b(?:in\s+(?<num>" + Num + @"|a|an|a\s+few|few)\s+(?<unit>hours?|hrs?|minutes?|mins?|seconds?|secs?)|in\s+half\s+an\s+(?<unit>hour)|(?<num>" + Num + @"|a|an)\s+(?<unit>hours?|hrs?|minutes?|mins?|seconds?|secs?)\s+(?<dir>from\s+now|later|ago|hence|before|after)|half\s+an\s+(?<unit>hour)\s+(?<dir>from\s+now|later|ago))\b", Opts)]
    public static partial Regex RelativeTimeRegex();

    [GeneratedRegex(@"\b(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?<date>day)|(?:the\s+)?eod)\b", Opts)]
    public static partial Regex EndOfDayRegex();

    [GeneratedRegex(@"(?:\b(?:the\s+)?end\s+of\s+(?:the\s+)?)$", Opts)]
    public static partial Regex EndOfPrefixRegex();

    [GeneratedRegex(@"\b(?<rel>tonight|tonite|last\s+night|this\s+(?:morning|afternoon|evening|night)|(?:tomorrow|tmrw|today|yesterday)\s+(?:morning|afternoon|evening|night))\b", Opts)]
    public static partial Regex DateTimeOfDayRegex();

    [GeneratedRegex(@"\b(?:" + Hour + "|" + HourWord + @")(?:[\s-]+(?<minw>" + NumWord + @")|\s*:\s*" + Minute + @")?\s*,?\s*$", Opts)]
    public static partial Regex BareTimeBeforeDayPartRegex();

    [GeneratedRegex(@"\G\s+(?:at\s+)?" + HourWord + @"[\s-]+" + MinWord + @"(?:\s+minutes?)?(?![\w-])", Opts)]
    public static partial Regex WordTimeAfterDateRegex();
}
