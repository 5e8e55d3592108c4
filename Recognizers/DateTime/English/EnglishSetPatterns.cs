using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English patterns for recurring sets ("every monday", "weekly", "3pm each day").</summary>
internal static partial class EnglishDateTimePatterns
{
    [GeneratedRegex(@"\b(?<adv>daily|weekly|monthly|annually|annual|yearly|quarterly|semi-?annually|semi-?annual|bi-?monthly|bi-?weekly|hourly|nightly|everyday)\b", Opts)]
    public static partial Regex PeriodicAdverbRegex();

    [GeneratedRegex(@"\b(?:every|each|any|once\s+an?|one\s+an?|once\s+every)\s+(?:(?<other>other)\s+|(?<num>" + Num + @")\s+)?(?<unit>days?|weeks?|months?|years?|quarters?|weekends?|weekdays?|hours?|minutes?|fortnights?)\b", Opts)]
    public static partial Regex EveryUnitRegex();

    [GeneratedRegex(@"\b(?:(?:every|each)\s+(?:(?<other>other)\s+)?" + WeekDay + @"(?:\s+(?<part>morning|afternoon|evening|night))?|" + WeekDay + @"s(?:\s+(?<part>morning|afternoon|evening|night)s?)?|" + WeekDay + @"\s+(?<part>morning|afternoon|evening|night)s)\b", Opts)]
    public static partial Regex EveryWeekDayRegex();

    [GeneratedRegex(@"\b(?:(?:every|each)\s+(?<part>morning|afternoon|evening|night)|(?<part>morning|afternoon|evening|night)s|(?<we>weekends))\b", Opts)]
    public static partial Regex EveryPartOfDayRegex();

    [GeneratedRegex(@"\b" + DayStrict + @"\s+of\s+(?:every|each)\s+month\b", Opts)]
    public static partial Regex DayOfEveryMonthRegex();

    [GeneratedRegex(@"^\s*(?:at|@|,)?\s*$", Opts)]
    public static partial Regex SetTimeConnectorRegex();
}
