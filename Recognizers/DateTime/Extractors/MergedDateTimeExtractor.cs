using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.English;
using P = AuthorBot.Recognizers.DateTime.English.EnglishDateTimePatterns;

namespace AuthorBot.Recognizers.DateTime.Extractors;

/// <summary>
/// Runs every sub-type extractor, lets composites (date + time, ranges, sets) combine the pieces,
/// keeps the longest non-overlapping spans, then applies before/after/since/until modifiers.
/// </summary>
internal static class MergedDateTimeExtractor
{
    public static List<DateTimeCandidate> Extract(DateTimeContext context)
    {
        var dates = DateExtractor.Extract(context);
        var times = TimeExtractor.Extract(context);
        var durations = DurationExtractor.Extract(context);
        var dateTimes = DateTimeExtractor.Extract(context, dates, times);
        var datePeriods = DatePeriodExtractor.Extract(context, dates, dateTimes);
        var timePeriods = TimePeriodExtractor.Extract(context, times, durations);
        var dateTimePeriods = DateTimePeriodExtractor.Extract(context, dates, times, timePeriods);
        var sets = SetExtractor.Extract(context, times);
        var all = new List<DateTimeCandidate>();
        all.AddRange(sets);
        var shiftedDates = ShiftedDates(context, dates.Concat(datePeriods.Where(p => p.Value.Type == DateTimeTypes.DateRange && p.Value.Mod is null)), durations);
        all.AddRange(shiftedDates);
        all.AddRange(WeekDaysOfShiftedDates(context, dates, shiftedDates));
        all.AddRange(BoundedShiftedDates(context, dates));
        all.AddRange(DayPartsWithTime(context, dateTimePeriods, times));
        all.AddRange(dateTimePeriods);
        all.AddRange(timePeriods);
        all.AddRange(datePeriods);
        all.AddRange(dateTimes);
        all.AddRange(dates);
        all.AddRange(times);
        all.AddRange(durations);
        var picked = CandidateSelection.LongestNonOverlapping(all);
        return ApplyModifiers(context, picked);
    }

    /// <summary>"3 days after january 12th", "2 weeks before christmas", "2 years 1 month 21 days later".</summary>
    private static List<DateTimeCandidate> ShiftedDates(DateTimeContext context, IEnumerable<DateTimeCandidate> dates, List<DateTimeCandidate> durations)
    {
        var text = context.Text;
        var result = new List<DateTimeCandidate>();
        foreach (var d in durations)
        {
            foreach (var date in dates)
            {
                if (date.Start > d.End && P.DurationDateConnectorRegex().Match(text[d.End..date.Start]) is { Success: true } m)
                {
                    // A period anchors a shift only as its start: "in two years since 2011".
                    var dir = m.Groups["dir"].Value;
                    if (date.Value.Type == DateTimeTypes.DateRange && dir != "since")
                    {
                        continue;
                    }

                    var sign = dir == "before" ? -1 : 1;
                    var anchor = date.Value.Type == DateTimeTypes.DateRange ? date.Value with { Type = DateTimeTypes.Date } : date.Value;
                    if (Parsers.DateParser.Shift(anchor, d.Value, sign) is { } shifted)
                    {
                        var start = dir == "since" && P.InBeforeDurationRegex().Match(text[..d.Start]) is { Success: true } inWord ? inWord.Index : d.Start;
                        result.Add(new DateTimeCandidate(start, date.End - start, shifted));
                    }
                }
            }

            var ago = P.DurationAgoLaterRegex().Match(text, d.End);
            if (ago.Success)
            {
                var today = DateTimeValue.Point(DateTimeTypes.Date, string.Empty, context.Reference.Date);
                if (Parsers.DateParser.Shift(today, d.Value, ago.Groups["dir"].Value == "ago" ? -1 : 1) is { } shifted)
                {
                    result.Add(new DateTimeCandidate(d.Start, ago.Index + ago.Length - d.Start, shifted));
                }
            }
        }

        return result;
    }

    /// <summary>"sunday late evening at 10:00": the time, read in that part of the day, on that date.</summary>
    private static List<DateTimeCandidate> DayPartsWithTime(DateTimeContext context, List<DateTimeCandidate> dateTimePeriods, List<DateTimeCandidate> times)
    {
        var text = context.Text;
        var result = new List<DateTimeCandidate>();
        foreach (var p in dateTimePeriods)
        {
            if (p.Value.FutureStart is not { } future || P.DayPartTimexRegex().Match(p.Value.Timex) is not { Success: true } pm)
            {
                continue;
            }

            foreach (var t in times)
            {
                if (t.Start >= p.End && t.Value.Mod is null && P.DayPartThenTimeConnectorRegex().IsMatch(text.AsSpan(p.End, t.Start - p.End)))
                {
                    var date = new DateTimeValue
                    {
                        Type = DateTimeTypes.Date,
                        Timex = pm.Groups["date"].Value,
                        FutureStart = future.Date,
                        PastStart = (p.Value.PastStart ?? future).Date,
                    };
                    var time = Parsers.DateTimeParser.ApplyDayPart(t.Value, pm.Groups["part"].Value);
                    result.Add(new DateTimeCandidate(p.Start, t.End - p.Start, Parsers.DateTimeParser.Combine(date, time)));
                }
            }
        }

        return result;
    }

    /// <summary>"more than 2 weeks before today", "within the next 2 weeks after today".</summary>
    private static List<DateTimeCandidate> BoundedShiftedDates(DateTimeContext context, List<DateTimeCandidate> dates)
    {
        var result = new List<DateTimeCandidate>();
        foreach (var d in dates)
        {
            if (d.Value.ShiftAnchor is null)
            {
                continue;
            }

            var m = P.ShiftedDateModifierPrefixRegex().Match(context.Text[..d.Start]);
            // "within 2 weeks before yesterday" stays a date: "within" only bounds a forward shift.
            if (m.Success && !(m.Groups["within"].Success && d.Value.FutureStart < d.Value.ShiftAnchor)
                && Parsers.DateParser.BoundShifted(d.Value, m.Groups["more"].Success) is { } bounded)
            {
                result.Add(new DateTimeCandidate(m.Index, d.End - m.Index, bounded));
            }
        }

        return result;
    }

    /// <summary>"monday two weeks from now", "3 weeks after christmas on friday".</summary>
    private static List<DateTimeCandidate> WeekDaysOfShiftedDates(DateTimeContext context, List<DateTimeCandidate> dates, List<DateTimeCandidate> shiftedDates)
    {
        var text = context.Text;
        var result = new List<DateTimeCandidate>();
        foreach (var s in shiftedDates.Concat(dates.Where(d => d.Value.IsShifted)))
        {
            var before = P.WeekDayBeforeShiftedRegex().Match(text[..s.Start]);
            if (before.Success && Parsers.DateParser.WeekDayInWeekOf(s.Value, EnglishDateTimeData.WeekDays[before.Groups["weekday"].Value]) is { } b)
            {
                result.Add(new DateTimeCandidate(before.Index, s.End - before.Index, b));
            }

            var after = P.WeekDayAfterShiftedRegex().Match(text, s.End);
            if (after.Success && Parsers.DateParser.WeekDayInWeekOf(s.Value, EnglishDateTimeData.WeekDays[after.Groups["weekday"].Value]) is { } a)
            {
                result.Add(new DateTimeCandidate(s.Start, after.Index + after.Length - s.Start, a));
            }
        }

        return result;
    }

    private static List<DateTimeCandidate> ApplyModifiers(DateTimeContext context, List<DateTimeCandidate> picked)
    {
        var text = context.Text;
        var result = new List<DateTimeCandidate>(picked.Count);
        var previousEnd = 0;
        foreach (var c in picked)
        {
            var current = c;
            var before = text[previousEnd..c.Start];
            if (c.Value.Type == DateTimeTypes.Duration)
            {
                var dm = P.DurationModifierPrefixRegex().Match(before);
                if (dm.Success && dm.Groups["mod"].Value is var word && word != "within")
                {
                    var mod = word.StartsWith("more", StringComparison.Ordinal) || word is "over" or "at least" || word.StartsWith("longer", StringComparison.Ordinal) ? "more" : "less";
                    var start = previousEnd + dm.Index;
                    current = new DateTimeCandidate(start, c.End - start, c.Value with { Mod = mod });
                }
            }
            else
            {
                // Two rounds so that "before around 2pm" gets both its approximation and its bound.
                if (text.AsSpan(c.Start).StartsWith("year ", StringComparison.Ordinal) && P.TrailingTheRegex().Match(before) is { Success: true } the)
                {
                    before = before[..the.Index];
                }

                var pm = P.ModifierPrefixRegex().Match(before);
                for (var round = 0; round < 2 && pm.Success; round++)
                {
                    var kind = pm.Groups["since"].Success ? "since" : pm.Groups["after"].Success ? "after" : pm.Groups["before"].Success ? "before" : pm.Groups["until"].Success ? "until" : "approx";
                    var start = previousEnd + pm.Index;
                    var yg = P.YearGreaterThanPrefixRegex().Match(before);
                    if (yg.Success)
                    {
                        start = previousEnd + yg.Index;
                    }

                    if (Parsers.ModifierParser.Apply(kind, current.Value) is not { } modded)
                    {
                        break;
                    }

                    current = new DateTimeCandidate(start, c.End - start, modded);
                    before = text[previousEnd..current.Start];
                    pm = kind == "approx" ? P.ModifierPrefixRegex().Match(before) : Match.Empty;
                }

                if (current == c)
                {
                    var sm = P.ModifierSuffixRegex().Match(text, c.End);
                    if (sm.Success && sm.Index == c.End)
                    {
                        var kind = sm.Groups["since"].Success ? "since" : "until";
                        if (Parsers.ModifierParser.Apply(kind, c.Value) is { } modded)
                        {
                            current = new DateTimeCandidate(c.Start, sm.Index + sm.Length - c.Start, modded);
                        }
                    }
                }
            }

            result.Add(current);
            previousEnd = current.End;
        }

        return result;
    }
}
