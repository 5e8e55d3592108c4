using AuthorBot.Recognizers.DateTime.Parsers;
using P = AuthorBot.Recognizers.DateTime.English.EnglishDateTimePatterns;

namespace AuthorBot.Recognizers.DateTime.Extractors;

/// <summary>Finds times of day ("7:56:30 pm", "half past seven", "noon", "8.10 pm").</summary>
internal static class TimeExtractor
{
    private static readonly PatternRule[] _rules =
    [
        new(P.ColonTimeRegex(), TimeParser.Parse),
        new(P.HourAmPmRegex(), TimeParser.Parse),
        new(P.HourMinuteNoColonRegex(), TimeParser.Parse),
        new(P.HourBothAmPmRegex(), TimeParser.ParseBothAmPm),
        new(P.DottedTimeRegex(), TimeParser.Parse),
        new(P.OClockRegex(), TimeParser.Parse),
        new(P.RelativeMinuteRegex(), TimeParser.Parse),
        new(P.WordHourAmPmRegex(), TimeParser.Parse),
        new(P.SpecialTimeRegex(), TimeParser.Parse),
        new(P.HourIshRegex(), TimeParser.Parse),
        new(P.TodFirstTimeRegex(), TimeParser.Parse),
        new(P.HourTodRegex(), TimeParser.Parse),
    ];

    public static List<DateTimeCandidate> Extract(DateTimeContext context)
    {
        var all = new List<DateTimeCandidate>();
        foreach (var rule in _rules)
        {
            rule.Run(context, all);
        }

        return CandidateSelection.LongestNonOverlapping(all);
    }
}
