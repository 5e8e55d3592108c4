using AuthorBot.Recognizers.DateTime.Parsers;
using P = AuthorBot.Recognizers.DateTime.English.EnglishDateTimePatterns;

namespace AuthorBot.Recognizers.DateTime.Extractors;

/// <summary>Finds holiday names ("christmas", "easter 2018", "next thanksgiving").</summary>
internal static class HolidayExtractor
{
    private static readonly PatternRule _rule = new(P.HolidayRegex(), HolidayParser.Parse);

    public static List<DateTimeCandidate> Extract(DateTimeContext context)
    {
        var all = new List<DateTimeCandidate>();
        _rule.Run(context, all);
        return all;
    }
}
