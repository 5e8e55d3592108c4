using AuthorBot.Recognizers.DateTime.Parsers;
using P = AuthorBot.Recognizers.DateTime.English.EnglishDateTimePatterns;

namespace AuthorBot.Recognizers.DateTime.Extractors;

/// <summary>Finds durations ("3 hours", "an hour and a half", "2 years 1 month 21 days").</summary>
internal static class DurationExtractor
{
    private static readonly PatternRule[] _rules =
    [
        new(P.DurationRegex(), DurationParser.Parse),
        new(P.CompactDurationRegex(), DurationParser.Parse),
        new(P.HalfDurationRegex(), DurationParser.Parse),
        new(P.AllDurationRegex(), DurationParser.Parse),
        new(P.TheHourRegex(), DurationParser.Parse),
    ];

    public static List<DateTimeCandidate> Extract(DateTimeContext context)
    {
        var all = new List<DateTimeCandidate>();
        foreach (var rule in _rules)
        {
            rule.Run(context, all);
        }

        var picked = CandidateSelection.LongestNonOverlapping(all);
        var merged = new List<DateTimeCandidate>();
        foreach (var c in picked)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                var gap = context.Text[last.End..c.Start];
                if (P.DurationJoinRegex().IsMatch(gap) && !last.Value.Timex.Contains("WE", StringComparison.Ordinal))
                {
                    merged[^1] = new DateTimeCandidate(last.Start, c.End - last.Start, DurationParser.Combine(last.Value, c.Value));
                    continue;
                }
            }

            merged.Add(c);
        }

        return merged;
    }
}
