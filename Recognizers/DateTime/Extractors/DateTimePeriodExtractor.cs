using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.Parsers;
using P = AuthorBot.Recognizers.DateTime.English.EnglishDateTimePatterns;

namespace AuthorBot.Recognizers.DateTime.Extractors;

/// <summary>Finds date-time ranges: "tomorrow evening", "monday 8-9am", "next 5 hours", "today before 4pm".</summary>
internal static class DateTimePeriodExtractor
{
    private static readonly PatternRule[] _rules =
    [
        new(P.RelativeTimeUnitsRegex(), DateTimePeriodParser.ParseRelativeUnits),
        new(P.DateTimeOfDayRegex(), DateTimePeriodParser.ParseDayPartWords),
    ];

    public static List<DateTimeCandidate> Extract(DateTimeContext context, List<DateTimeCandidate> dates, List<DateTimeCandidate> times, List<DateTimeCandidate> timePeriods)
    {
        var text = context.Text;
        var all = new List<DateTimeCandidate>();
        foreach (var rule in _rules)
        {
            rule.Run(context, all);
        }

        var dayParts = all.Where(c => c.Value.Type == DateTimeTypes.DateTimeRange && Regex.IsMatch(c.Value.Timex, "T(MO|AF|EV|NI)$")).ToList();
        var ranges = TimePeriodExtractor.ExtractWeak(context).Concat(timePeriods.Where(t => t.Value.Timex.StartsWith('('))).ToList();
        var parts = timePeriods.Where(t => !t.Value.Timex.StartsWith('(') && t.Value.Mod is null or "start" or "end").ToList();

        foreach (var d in dates)
        {
            foreach (var r in ranges)
            {
                if (r.Start >= d.End && P.DateThenTimeRangeConnectorRegex().IsMatch(text[d.End..r.Start]) && DateTimePeriodParser.WithTimeRange(d.Value, r.Value) is { } v1)
                {
                    all.Add(new DateTimeCandidate(d.Start, r.End - d.Start, v1));
                }
                else if (r.End <= d.Start && P.TimeRangeThenDateConnectorRegex().IsMatch(text[r.End..d.Start]) && DateTimePeriodParser.WithTimeRange(d.Value, r.Value) is { } v2)
                {
                    all.Add(new DateTimeCandidate(r.Start, d.End - r.Start, v2));
                }
            }

            // Outside tasks mode a holiday keeps apart from a part of day: "christmas | early morning at 8:00".
            foreach (var p in d.Value.IsHoliday && !context.Options.HasFlag(DateTimeOptions.TasksMode) ? [] : parts)
            {
                var code = p.Value.Timex[1..];
                if (p.Start >= d.End && P.DateThenPartConnectorRegex().IsMatch(text[d.End..p.Start]) && DateTimePeriodParser.WithPartOfDay(d.Value, code, p.Value.Mod) is { } v)
                {
                    all.Add(new DateTimeCandidate(d.Start, p.End - d.Start, v));
                }
                else if (p.End <= d.Start && Regex.IsMatch(text[p.End..d.Start], @"^\s*(?:,|on|of)?\s*$") && DateTimePeriodParser.WithPartOfDay(d.Value, code, p.Value.Mod) is { } v3)
                {
                    all.Add(new DateTimeCandidate(p.Start, d.End - p.Start, v3));
                }
            }

            var ap = P.AmPmAfterDateRegex().Match(text, d.End);
            if (ap.Success && DateTimePeriodParser.WithPartOfDay(d.Value, ap.Groups["ap"].Value == "am" ? "MO" : "AF", null) is { } apv)
            {
                all.Add(new DateTimeCandidate(d.Start, ap.Index + ap.Length - d.Start, apv));
            }

            // "today before 4pm", "next wednesday later than 10 in the morning".
            foreach (var t in times)
            {
                if (t.Start > d.End && P.DateModifierTimeConnectorRegex().Match(text[d.End..t.Start]) is { Success: true } mm)
                {
                    var dt = DateTimeParser.Combine(d.Value, t.Value);
                    if (ModifierParser.Apply(DateTimePeriodParser.ModKind(mm.Groups["mod"].Value), dt) is { } modded)
                    {
                        all.Add(new DateTimeCandidate(d.Start, t.End - d.Start, modded with { SourceEntity = null }));
                    }
                }
            }

            var pos = P.DayPositionPrefixRegex().Match(text[..d.Start]);
            if (pos.Success && DateTimePeriodParser.DayPosition(pos.Groups["pos"].Value, d.Value) is { } dp)
            {
                all.Add(new DateTimeCandidate(pos.Index, d.End - pos.Index, dp));
            }
        }

        // A day part with a time range: "yesterday afternoon from 3-8pm", "next monday morning 6-8".
        foreach (var dp in dayParts)
        {
            foreach (var r in ranges)
            {
                var date = DatePart(dp.Value);
                if (r.Start >= dp.End && Regex.IsMatch(text[dp.End..r.Start], @"^\s*,?\s*$") && DateTimePeriodParser.WithTimeRange(date, ApplyPart(r.Value, dp.Value.Timex)) is { } v)
                {
                    all.Add(new DateTimeCandidate(dp.Start, r.End - dp.Start, v));
                }
                else if (r.End <= dp.Start && Regex.IsMatch(text[r.End..dp.Start], @"^\s*,?\s*$") && DateTimePeriodParser.WithTimeRange(date, ApplyPart(r.Value, dp.Value.Timex)) is { } v2)
                {
                    all.Add(new DateTimeCandidate(r.Start, dp.End - r.Start, v2));
                }
            }
        }

        return CandidateSelection.LongestNonOverlapping(all);
    }

    private static DateTimeValue DatePart(DateTimeValue dayPart)
    {
        var d = dayPart.FutureStart!.Value.Date;
        return DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(d), d);
    }

    private static DateTimeValue ApplyPart(DateTimeValue range, string timex)
    {
        if (!range.AmPmAmbiguous || timex.EndsWith("TMO", StringComparison.Ordinal))
        {
            return range with { AmPmAmbiguous = false };
        }

        var shifted = Parsers.TimePeriodParser.ShiftPm(range);
        return shifted;
    }
}
