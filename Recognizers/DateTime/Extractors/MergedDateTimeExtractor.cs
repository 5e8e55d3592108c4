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
        all.AddRange(ShiftedDates(context, dates, durations));
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
    private static List<DateTimeCandidate> ShiftedDates(DateTimeContext context, List<DateTimeCandidate> dates, List<DateTimeCandidate> durations)
    {
        var text = context.Text;
        var result = new List<DateTimeCandidate>();
        foreach (var d in durations)
        {
            foreach (var date in dates)
            {
                if (date.Start > d.End && P.DurationDateConnectorRegex().Match(text[d.End..date.Start]) is { Success: true } m)
                {
                    var sign = m.Groups["dir"].Value == "before" ? -1 : 1;
                    if (Parsers.DateParser.Shift(date.Value, d.Value, sign) is { } shifted)
                    {
                        result.Add(new DateTimeCandidate(d.Start, date.End - d.Start, shifted));
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
                var pm = P.ModifierPrefixRegex().Match(before);
                if (pm.Success)
                {
                    var kind = pm.Groups["since"].Success ? "since" : pm.Groups["after"].Success ? "after" : pm.Groups["before"].Success ? "before" : pm.Groups["until"].Success ? "until" : "approx";
                    var start = previousEnd + pm.Index;
                    var yg = P.YearGreaterThanPrefixRegex().Match(before);
                    if (yg.Success)
                    {
                        start = previousEnd + yg.Index;
                    }

                    if (Parsers.ModifierParser.Apply(kind, c.Value) is { } modded)
                    {
                        current = new DateTimeCandidate(start, c.End - start, modded);
                    }
                }
                else
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
