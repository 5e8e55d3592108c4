using AuthorBot.Recognizers.DateTime.Parsers;
using P = AuthorBot.Recognizers.DateTime.English.EnglishDateTimePatterns;

namespace AuthorBot.Recognizers.DateTime.Extractors;

/// <summary>Finds recurring sets: "every monday", "weekly", "each two days", "3pm each day".</summary>
internal static class SetExtractor
{
    private static readonly PatternRule[] _rules =
    [
        new(P.PeriodicAdverbRegex(), SetParser.ParseAdverb),
        new(P.EveryUnitRegex(), SetParser.ParseEveryUnit),
        new(P.EveryWeekDayRegex(), SetParser.ParseEveryWeekDay),
        new(P.EveryPartOfDayRegex(), SetParser.ParseEveryPart),
        new(P.DayOfEveryMonthRegex(), SetParser.ParseDayOfEveryMonth),
    ];

    public static List<DateTimeCandidate> Extract(DateTimeContext context, List<DateTimeCandidate> times)
    {
        var text = context.Text;
        var simple = new List<DateTimeCandidate>();
        foreach (var rule in _rules)
        {
            rule.Run(context, simple);
        }

        simple = CandidateSelection.LongestNonOverlapping(simple);
        var all = new List<DateTimeCandidate>(simple);
        foreach (var s in simple)
        {
            foreach (var t in times)
            {
                if (t.Start >= s.End && P.SetTimeConnectorRegex().IsMatch(text[s.End..t.Start]) && SetParser.WithTime(s.Value, t.Value) is { } v1)
                {
                    all.Add(new DateTimeCandidate(s.Start, t.End - s.Start, v1));
                }
                else if (t.End <= s.Start && P.SetTimeConnectorRegex().IsMatch(text[t.End..s.Start]) && SetParser.WithTime(s.Value, t.Value) is { } v2)
                {
                    all.Add(new DateTimeCandidate(t.Start, s.End - t.Start, v2));
                }
            }
        }

        return CandidateSelection.LongestNonOverlapping(all);
    }
}
