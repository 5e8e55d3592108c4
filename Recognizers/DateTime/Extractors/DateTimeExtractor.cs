using AuthorBot.Recognizers.DateTime.Parsers;
using P = AuthorBot.Recognizers.DateTime.English.EnglishDateTimePatterns;

namespace AuthorBot.Recognizers.DateTime.Extractors;

/// <summary>Finds date-times: a date next to a time, "now", "in 5 minutes", "end of tomorrow", "tonight at 8".</summary>
internal static class DateTimeExtractor
{
    private static readonly PatternRule[] _rules =
    [
        new(P.NowRegex(), DateTimeParser.ParseNow),
        new(P.RelativeTimeRegex(), DateTimeParser.ParseRelativeTime),
        new(P.EndOfDayRegex(), DateTimeParser.ParseEndOfDay),
    ];

    public static List<DateTimeCandidate> Extract(DateTimeContext context, List<DateTimeCandidate> dates, List<DateTimeCandidate> times)
    {
        var text = context.Text;
        var all = new List<DateTimeCandidate>();
        foreach (var rule in _rules)
        {
            rule.Run(context, all);
        }

        var dayParts = new List<DateTimeCandidate>();
        foreach (System.Text.RegularExpressions.Match m in P.DateTimeOfDayRegex().Matches(text))
        {
            var (date, part) = DateTimeParser.DayPart(m.Value, context.Reference);
            dayParts.Add(new DateTimeCandidate(m.Index, m.Length, DateTimeValue.Point(DateTimeTypes.Date, part, date)));
        }

        var anchors = new List<DateTimeCandidate>(dates);
        anchors.AddRange(dayParts);
        foreach (var d in anchors.Where(a => !a.Value.IsHoliday))
        {
            var isPart = dayParts.Contains(d);
            DateTimeValue Join(DateTimeValue time)
            {
                if (!isPart)
                {
                    return DateTimeParser.Combine(d.Value, time);
                }

                var t = DateTimeParser.ApplyDayPart(time, d.Value.Timex);
                var date = DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(d.Value.FutureStart!.Value), d.Value.FutureStart!.Value);
                return DateTimeParser.Combine(date, t);
            }

            foreach (var t in times)
            {
                if (t.Start >= d.End && P.DateThenTimeConnectorRegex().IsMatch(text[d.End..t.Start]))
                {
                    all.Add(new DateTimeCandidate(d.Start, t.End - d.Start, Join(t.Value)));
                }
                else if (t.End <= d.Start && P.TimeThenDateConnectorRegex().IsMatch(text[t.End..d.Start]))
                {
                    all.Add(new DateTimeCandidate(t.Start, d.End - t.Start, Join(t.Value)));
                }
            }

            var bare = P.WordTimeAfterDateRegex().Match(text, d.End);
            if (!bare.Success)
            {
                bare = P.BareTimeAfterDateRegex().Match(text, d.End);
            }

            if (!bare.Success)
            {
                bare = P.OClockAfterDateRegex().Match(text, d.End);
            }

            if (bare.Success && TimeParser.ParseTime(bare, context.Reference, true) is { } bt)
            {
                all.Add(new DateTimeCandidate(d.Start, bare.Index + bare.Length - d.Start, Join(bt)));
            }

            if (isPart && P.BareTimeBeforeDayPartRegex().Match(text[..d.Start]) is { Success: true } bb && TimeParser.ParseTime(bb, context.Reference, true) is { } bbt)
            {
                all.Add(new DateTimeCandidate(bb.Index, d.End - bb.Index, Join(bbt)));
            }

            if (!isPart)
            {
                var before = text[..d.Start];
                var end = P.EndOfPrefixRegex().Match(before);
                if (end.Success)
                {
                    all.Add(new DateTimeCandidate(end.Index, d.End - end.Index, DateTimeParser.EndOf(d.Value)));
                }
            }
        }

        return CandidateSelection.LongestNonOverlapping(all);
    }
}
