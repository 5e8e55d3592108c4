using AuthorBot.Recognizers.DateTime.Parsers;
using P = AuthorBot.Recognizers.DateTime.English.EnglishDateTimePatterns;

namespace AuthorBot.Recognizers.DateTime.Extractors;

/// <summary>Finds single dates ("jan 4th 2019", "22/04", "tomorrow", "next friday", "in 2 weeks").</summary>
internal static class DateExtractor
{
    private static readonly PatternRule[] _rules =
    [
        new(P.MonthDayRegex(), DateParser.ParseMonthDay),
        new(P.DayMonthRegex(), DateParser.ParseMonthDay),
        new(P.YearMonthNameDayRegex(), DateParser.ParseMonthDay),
        new(P.WordDayMonthYearRegex(), DateParser.ParseMonthDay),
        new(P.IsoDateRegex(), DateParser.ParseNumeric),
        new(P.NumericDateWithYearRegex(), DateParser.ParseNumeric),
        new(P.NumericMonthDayRegex(), DateParser.ParseNumeric),
        new(P.WeekDayDottedMonthDayRegex(), DateParser.ParseWeekDayNumeric),
        new(P.EightDigitDateRegex(), DateParser.ParseNumeric),
        new(P.RelativeDayRegex(), DateParser.ParseRelativeDay),
        new(P.TheDayWordRegex(), DateParser.ParseToday),
        new(P.RelativeWeekDayRegex(), DateParser.ParseRelativeWeekDay),
        new(P.WeekThenWeekDayRegex(), DateParser.ParseWeekOfWeekDay),
        new(P.WeekDayOfWeekRegex(), DateParser.ParseWeekOfWeekDay),
        new(P.WeekDayAloneRegex(), DateParser.ParseWeekDay),
        new(P.WeekDayDayRegex(), DateParser.ParseWeekDayDay),
        new(P.TheDayRegex(), DateParser.ParseTheDay),
        new(P.OrdinalDayAloneRegex(), DateParser.ParseTheDay),
        new(P.InDurationDateRegex(), DateParser.ParseInDuration),
        new(P.DayOfMonthWordsRegex(), DateParser.ParseDayOfMonthWords),
        new(P.OddDateLayoutRegex(), DateParser.ParseMonthDay),
        new(P.DurationRelativeDateRegex(), DateParser.ParseDurationRelative),
    ];

    public static List<DateTimeCandidate> Extract(DateTimeContext context)
    {
        var all = new List<DateTimeCandidate>();
        foreach (var rule in _rules)
        {
            rule.Run(context, all);
        }

        all.AddRange(HolidayExtractor.Extract(context));
        return CandidateSelection.LongestNonOverlapping(all);
    }
}
