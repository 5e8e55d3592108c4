using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English patterns for times of day.</summary>
internal static partial class EnglishDateTimePatterns
{
    public const string OClock = @"(?:o\s*'?\s*clock|oclock)";
    public const string Tod = @"(?:\s*(?<tod>in\s+the\s+(?:morning|afternoon|evening|night)|at\s+night|early\s+(?:in\s+the\s+)?morning|late\s+(?:in\s+the\s+)?(?:evening|night)))";
    public const string AroundPrefix = @"(?:(?<around>around|about|approximately|circa|roughly)\s+)?";
    public const string MinWord = "(?<minw>" + NumWord + ")";

    [GeneratedRegex(@"(?<![\d.:])\b" + AroundPrefix + Hour + @"\s*:\s*" + Minute + @"(?:\s*:\s*" + Second + @")?(?!\d)(?:\s*" + AmPm + ")?(?:" + Tod + @"|\s+(?<tod>early\s+morning))?", Opts)]
    public static partial Regex ColonTimeRegex();

    [GeneratedRegex(@"(?<![\d.:$])\b" + AroundPrefix + Hour + @"\s*(?:" + OClock + @"\s*)?" + AmPm + "(?:" + Tod + ")?", Opts)]
    public static partial Regex HourAmPmRegex();

    [GeneratedRegex(@"(?<![\d.:])\b(?<hour>1[0-2]|0?[1-9])(?<min>[0-5]\d)\s*" + AmPm, Opts)]
    public static partial Regex HourMinuteNoColonRegex();

    /// <summary>"7ampm", "715ampm": both readings are meant.</summary>
    [GeneratedRegex(@"(?<![\d.:])\b(?<hour>1[0-2]|0?[1-9])(?<min>[0-5]\d)?ampm\b", Opts)]
    public static partial Regex HourBothAmPmRegex();

    [GeneratedRegex(@"(?<![\d.:])\b(?:(?<at>at)\s+" + Hour + @"\.(?<min>[0-5]\d)(?!\d)(?:\s*" + AmPm + ")?|" + Hour + @"\.(?<min>[0-5]\d)\s*" + AmPm + "|" + Hour + @"\.\s*" + AmPm + @")(?!\s*(?:%|percent|per\s+cent))", Opts)]
    public static partial Regex DottedTimeRegex();

    [GeneratedRegex(@"(?<![\d.:])\b" + AroundPrefix + "(?:" + Hour + "|" + HourWord + @")\s*" + OClock + "(?:" + Tod + ")?", Opts)]
    public static partial Regex OClockRegex();

    [GeneratedRegex(@"\b" + AroundPrefix + @"(?:(?<half>half|a\s+quarter|quarter)\s+(?<dir>past|after|to|before|till)|(?:(?<min>[0-5]?\d)|" + MinWord + @")(?:(?:\s*(?:minutes?|mins?))?\s+(?<dir>past|after)|\s*(?:minutes?|mins?)\s+(?<dir>to|before|till)))\s+(?:" + Hour + "|" + HourWord + @")(?!\d)(?:\s*" + OClock + ")?(?:" + Tod + @"|\s*" + AmPm + ")?", Opts)]
    public static partial Regex RelativeMinuteRegex();

    [GeneratedRegex(@"\b" + AroundPrefix + HourWord + @"(?:[\s-]+" + MinWord + @")?\s*" + AmPm, Opts)]
    public static partial Regex WordHourAmPmRegex();

    [GeneratedRegex(@"\b" + AroundPrefix + "(?<special>(?:12\\s+|twelve\\s+)?noon(?:ish)?|mid\\s*-?\\s*night|midday|mid\\s*-\\s*day)\\b", Opts)]
    public static partial Regex SpecialTimeRegex();

    [GeneratedRegex(@"\b(?<hour>1[0-2]|0?[1-9])ish\b", Opts)]
    public static partial Regex HourIshRegex();

    [GeneratedRegex(@"\b(?<tod>in\s+the\s+(?:morning|afternoon|evening)|early\s+morning)\s+(?:at\s+)?(?:" + Hour + @"(?::(?<min>[0-5]\d))?|" + HourWord + @")(?:\s*" + OClock + @")?(?![\d:])", Opts)]
    public static partial Regex TodFirstTimeRegex();

    [GeneratedRegex(@"\b" + AroundPrefix + "(?:" + Hour + "|" + HourWord + ")" + Tod, Opts)]
    public static partial Regex HourTodRegex();

    [GeneratedRegex(@"\b(?<hourw>" + Teens + "|" + Units1To9 + @")[\s-]+" + MinWord + @"(?:\s+minutes?)?(?![\w-])", Opts)]
    public static partial Regex WordHourMinuteRegex();

    [GeneratedRegex(@"(?<![\d.:/-])\b" + Hour + @"(?![\d:.%/-]|\s*(?:st|nd|rd|th)\b)", Opts)]
    public static partial Regex BareHourRegex();
}
