using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.Parsers;
using P = AuthorBot.Recognizers.DateTime.English.EnglishDateTimePatterns;

namespace AuthorBot.Recognizers.DateTime.Extractors;

/// <summary>Finds time ranges: "5 to 6pm", "between 4pm and 5pm", "in the morning", "from 9 for 2.5 hrs".</summary>
internal static class TimePeriodExtractor
{
    private static readonly PatternRule[] _rules =
    [
        new(P.TimeRangeRegex(), TimePeriodParser.ParseRange),
        new(P.PartOfDayRegex(), TimePeriodParser.ParsePartOfDay),
    ];

    public static List<DateTimeCandidate> Extract(DateTimeContext context, List<DateTimeCandidate> times, List<DateTimeCandidate> durations)
    {
        var text = context.Text;
        var all = new List<DateTimeCandidate>();
        foreach (var rule in _rules)
        {
            rule.Run(context, all);
        }

        // Two times joined by a range word: "from 3 in the morning until 5pm".
        for (var i = 0; i < times.Count; i++)
        {
            for (var j = i + 1; j < times.Count && j <= i + 1; j++)
            {
                var a = times[i];
                var b = times[j];
                var gap = text[a.End..b.Start];
                var prefix = P.TimeRangePrefixRegex().Match(text[..a.Start]);
                var between = prefix.Success && prefix.Value.StartsWith("between", StringComparison.Ordinal);
                var ok = between ? Regex.IsMatch(gap, @"^\s*(?:and|-|to)\s*$") : P.TimeRangeConnectorRegex().IsMatch(gap);
                if (ok && TimePeriodParser.Between(a.Value, b.Value) is { } range)
                {
                    var start = prefix.Success ? prefix.Index : a.Start;
                    all.Add(new DateTimeCandidate(start, b.End - start, range));
                }
            }
        }

        // A start time and a duration: "from 9 for 2.5 hrs", "for 3 hours from 10 am".
        foreach (var d in durations.Where(d => d.Value.Timex.StartsWith("PT", StringComparison.Ordinal)))
        {
            var after = FromTimeAfterDuration().Match(text, d.End);
            if (after.Success && ParseStart(after, context) is { } t1 && d.Start >= 4 && text[..d.Start].EndsWith("for ", StringComparison.Ordinal))
            {
                var start = d.Start - 4;
                all.Add(new DateTimeCandidate(start, after.Index + after.Length - start, TimePeriodParser.FromDuration(t1, d.Value)));
            }

            var before = FromTimeBeforeDuration().Match(text[..d.Start]);
            if (before.Success && ParseStart(before, context) is { } t2)
            {
                all.Add(new DateTimeCandidate(before.Index, d.End - before.Index, TimePeriodParser.FromDuration(t2, d.Value)));
            }
        }

        return CandidateSelection.LongestNonOverlapping(all);
    }

    /// <summary>Numeric ranges that need a date beside them to count ("monday 12-4").</summary>
    public static List<DateTimeCandidate> ExtractWeak(DateTimeContext context)
    {
        var all = new List<DateTimeCandidate>();
        foreach (Match m in P.TimeRangeRegex().Matches(context.Text))
        {
            if (TimePeriodParser.ParseRange(m, context, true) is { } v)
            {
                all.Add(new DateTimeCandidate(m.Index, m.Length, v));
            }
        }

        return all;
    }

    private static DateTimeValue? ParseStart(Match m, DateTimeContext context)
    {
        var t = TimeParser.ParseTime(m, context.Reference, true);
        return t is null ? null : t with { AmPmAmbiguous = false };
    }

    private static Regex FromTimeAfterDuration() => P.FromTimeAfterDurationRegex();

    private static Regex FromTimeBeforeDuration() => P.FromTimeBeforeDurationRegex();
}
