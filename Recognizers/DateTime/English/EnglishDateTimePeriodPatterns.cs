using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English patterns for date-time ranges ("tomorrow evening", "next 5 hours", "monday 8-9am").</summary>
internal static partial class EnglishDateTimePatterns
{
    [GeneratedRegex(@"^\s*(?:,|on|at|@|of|,\s*at)?\s*$", Opts)]
    public static partial Regex DateThenTimeRangeConnectorRegex();

    [GeneratedRegex(@"^\s*(?:,|on|of|,\s*on)?\s*$", Opts)]
    public static partial Regex TimeRangeThenDateConnectorRegex();

    [GeneratedRegex(@"^\s*(?:,\s*)?(?:in\s+the\s+)?$", Opts)]
    public static partial Regex DateThenPartConnectorRegex();

    [GeneratedRegex(@"\G\s*(?<ap>am|pm)\b", Opts)]
    public static partial Regex AmPmAfterDateRegex();

    [GeneratedRegex(@"\b(?:(?<rel>next|last|past|previous|coming|upcoming|following|within(?:\s+the)?(?:\s+next)?)\s+(?:(?<num>" + Num + @"|a|an|few|a\s+few)\s*)?(?<unit>hours?|hrs?|h|minutes?|mins?|min|seconds?|secs?)|(?<num>" + Num + @")\s+(?<rel>coming|past|last|next|previous|upcoming)\s+(?<unit>hours?|minutes?|mins?|seconds?))\b", Opts)]
    public static partial Regex RelativeTimeUnitsRegex();

    [GeneratedRegex(@"^\s*(?<mod>before|after|by|later\s+than|earlier\s+than|no\s+later\s+than|not\s+later\s+than|until|till|since|prior\s+to)\s*(?:around\s+)?$", Opts)]
    public static partial Regex DateModifierTimeConnectorRegex();

    [GeneratedRegex(@"\b(?<pos>early|late|later|mid|middle)\s+(?:in\s+)?(?:the\s+day\s+)?(?:of\s+)?$", Opts)]
    public static partial Regex DayPositionPrefixRegex();
}
