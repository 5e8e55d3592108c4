using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English patterns for single dates.</summary>
internal static partial class EnglishDateTimePatterns
{
    private const string YearTail = @"(?:(?:\s*,\s*|\s+(?:of\s+|in\s+)?|\s*[/\\.-]\s*)" + YearOrWords + ")?";
    private const string WeekDayPrefix = @"(?:(?:(?<wrel>this|next|last)\s+)?" + WeekDay + @"\s*[,-]?\s*(?:the\s+|(?<paren>\()\s*)?|(?<rel>this|next|last)\s+)?";

    [GeneratedRegex(@"\b" + WeekDayPrefix + Month + @"\s*[/\\.,-]?\s*" + Day + @"(?:\s*\(\s*" + WeekDay + @"\s*\))?" + YearTail + @"(?(paren)\s*\)|(?:(?<=\))|\b))", Opts)]
    public static partial Regex MonthDayRegex();

    [GeneratedRegex(@"\b" + WeekDayPrefix + @"(?:the\s+)?" + DayStrict + @"\s*(?:of\s+|[/\\.-]\s*)?" + Month + YearTail + @"(?!\w)(?(paren)\s*\))", Opts)]
    public static partial Regex DayMonthRegex();

    /// <summary>A cardinal-word day before the month needs a year to count as a date: "twenty five january nineteen eighty six".</summary>
    [GeneratedRegex(@"\b(?<day>" + DayCardWord + @")\s+(?:of\s+)?" + Month + @"(?:\s*,\s*|\s+)" + YearOrWords + @"(?!\w)", Opts)]
    public static partial Regex WordDayMonthYearRegex();

    [GeneratedRegex(@"\b" + Year + @"\s*[/\\.-]\s*" + Month + @"\s*[/\\.-]\s*(?<day>" + DayNum + @")\b", Opts)]
    public static partial Regex YearMonthNameDayRegex();

    [GeneratedRegex(@"\b" + WeekDayPrefix + @"(?<year>(?:1[0-9]|20)\d{2})(?:\s*(?<sep>[-/.])\s*|(?<sep>\s))(?<a>1[0-2]|0?[1-9])(?:\s*\k<sep>\s*|(?<=\s\d+)\s)(?<b>3[01]|[12]\d|0?[1-9])(?!\d|\.\d)(?(paren)\s*\))", Opts)]
    public static partial Regex IsoDateRegex();

    [GeneratedRegex(@"\b" + WeekDayPrefix + @"(?:(?<![\d-])(?<a>\d{1,2})(?<sep>-)|(?<![\d/.])(?<a>\d{1,2})(?<sep>[/.]))(?<b>\d{1,2})\k<sep>(?<year>\d{4}|\d{2})(?![\d])(?(paren)\s*\))", Opts)]
    public static partial Regex NumericDateWithYearRegex();

    [GeneratedRegex(@"(?<!\S)(?:(?<rel>this|next|last)\s+|(?:(?<wrel>this|next|last)\s+)?" + WeekDay + @"\s*,?\s*(?:the\s+)?)?(?<a>1[0-2]|0?[1-9]|[12]\d|3[01])/(?<b>3[01]|[12]\d|0?[1-9])(?![\d/]|\.\d)", Opts)]
    public static partial Regex NumericMonthDayRegex();

    [GeneratedRegex(@"\b(?:(?<rel>this|next|last)\s+)?" + WeekDay + @"\s*,?\s*(?<a>1[0-2]|0?[1-9])[.-](?<b>3[01]|[12]\d|0?[1-9])(?![\d./-])|(?<=\bon\s)(?<a>1[0-2]|0?[1-9])\.(?<b>3[01]|[12]\d|0?[1-9])(?![\d.])", Opts)]
    public static partial Regex WeekDayDottedMonthDayRegex();

    [GeneratedRegex(@"\b(?<year>(?:19|20)\d{2})(?<a>0[1-9]|1[0-2])(?<b>0[1-9]|[12]\d|3[01])\b", Opts)]
    public static partial Regex EightDigitDateRegex();

    [GeneratedRegex(@"\b(?<rel>the\s+day\s+after\s+tomorrow|the\s+day\s+before\s+yesterday|day\s+after\s+tomorrow|day\s+before\s+yesterday|today|tomorrow|tmrw|tmr|yesterday|otd|the\s+next\s+day|the\s+day\s+after|the\s+day\s+before|the\s+following\s+day|the\s+previous\s+day)\b", Opts)]
    public static partial Regex RelativeDayRegex();

    [GeneratedRegex(@"\b(?<rel>this\s+upcoming|this\s+coming|this\s+past|upcoming|coming|following|previous|past|this|next|last)\s+" + WeekDay + @"\b", Opts)]
    public static partial Regex RelativeWeekDayRegex();

    [GeneratedRegex(@"\b(?<rel>next|last|previous|this|following)\s+week\s*(?:on\s+|-\s*|,\s*)?" + WeekDay + @"\b", Opts)]
    public static partial Regex WeekThenWeekDayRegex();

    [GeneratedRegex(@"\b(?:on\s+)?" + WeekDay + @"\s+(?:of\s+)?(?:the\s+)?(?<rel>next|last|this|following|previous)\s+week\b", Opts)]
    public static partial Regex WeekDayOfWeekRegex();

    [GeneratedRegex(@"(?<!(?<!\bof\s+)\bthe\s+)\b" + WeekDay + @"\b", Opts)]
    public static partial Regex WeekDayAloneRegex();

    [GeneratedRegex(@"(?<=\b(?:for|of|during|all)\s+)the\s+day\b", Opts)]
    public static partial Regex TheDayWordRegex();

    [GeneratedRegex(@"\b" + WeekDay + @"\s*,?\s+(?<the>the\s+)?" + DayStrict + @"\b(?!\s*(?::|\.\d|-\s*\d|am\b|pm\b|a\.m|p\.m|o'?clock|oclock))", Opts)]
    public static partial Regex WeekDayDayRegex();

    [GeneratedRegex(@"(?:\b(?:(?<around>around|about|approximately)\s+)the\s+(?<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|" + OrdWord + @")\s+(?<rel>this|next|last)\s+month|(?<=\bon\s+)the\s+(?<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|" + OrdWord + @")(?:\s+(?<rel>this|next|last)\s+month)?)\b(?!\s+(?:day|week|month|year|quarter|century|time|of|and|to|place|floor)\b)", Opts)]
    public static partial Regex TheDayRegex();

    [GeneratedRegex(@"(?<=\bon\s+)(?<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?!\s*(?:of|week|century|day|place|floor|time|quarter|anniversary|birthday|year|month|hour|minute|second|\w*%))\b", Opts)]
    public static partial Regex OrdinalDayAloneRegex();

    [GeneratedRegex(@"\bin\s+(?<num>" + Num + @"|a|an)\s+(?<unit>days?|weeks?|months?|years?|fortnights?)\b", Opts)]
    public static partial Regex InDurationDateRegex();

    [GeneratedRegex(@"\b(?<num>" + Num + @"|a|an)\s+(?<unit>days?|weeks?|months?|years?|fortnights?)\s+(?<dir>ago|later|hence|from\s+now|before|after|from|since)(?:\s+" + "(?<anchor>" + RelDayWords + @"|now))?\b", Opts)]
    public static partial Regex DurationRelativeDateRegex();
}

/// <summary>English patterns that shift a date by a duration.</summary>
internal static partial class EnglishDateTimePatterns
{
    [GeneratedRegex(@"^\s*(?<dir>after|before|from|since)\s*(?:the\s+)?$", Opts)]
    public static partial Regex DurationDateConnectorRegex();

    [GeneratedRegex(@"\bin\s+$", Opts)]
    public static partial Regex InBeforeDurationRegex();

    [GeneratedRegex(@"\G\s*(?<dir>ago|later|hence|from\s+now)\b", Opts)]
    public static partial Regex DurationAgoLaterRegex();

    /// <summary>Between a weekday and a shifted date: "monday two weeks from now", "thursday, two years from now".</summary>
    [GeneratedRegex(@"\b" + WeekDay + @"\s*,?\s*$", Opts)]
    public static partial Regex WeekDayBeforeShiftedRegex();

    /// <summary>After a shifted date: "in 3 days on friday".</summary>
    [GeneratedRegex(@"\G\s*,?\s*on\s+" + WeekDay + @"\b", Opts)]
    public static partial Regex WeekDayAfterShiftedRegex();
}

/// <summary>Less common English date layouts.</summary>
internal static partial class EnglishDateTimePatterns
{
    [GeneratedRegex(@"\b(?:the\s+(?=\d))?" + DayStrict + @"\s+day\s+of\s+(?:(?<mrel>this|next|last|the)\s+month|" + Month + ")\\b", Opts)]
    public static partial Regex DayOfMonthWordsRegex();

    [GeneratedRegex(@"\b(?:" + Month + @"\s*-\s*" + Year + @"\s*-\s*(?<day>" + DayNum + ")|" + Year + @"\s*/\s*(?<day>" + DayNum + @")\s*/\s*" + Month + "|(?<day>" + DayNum + @")\s*-\s*" + Year + @"\s*-\s*" + Month + @")\b", Opts)]
    public static partial Regex OddDateLayoutRegex();
}
