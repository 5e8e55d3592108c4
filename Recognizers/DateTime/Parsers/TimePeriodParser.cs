using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.English;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Resolves time ranges ("5 to 6pm", "between 4pm and 5pm") and parts of the day ("in the morning").</summary>
internal static class TimePeriodParser
{
    public static DateTimeValue? ParseRange(Match m, DateTimeContext ctx) => ParseRange(m, ctx, false);

    /// <summary>Parses a numeric range; without am/pm, a time of day or "from/between" it is only kept when <paramref name="allowWeak"/> (next to a date).</summary>
    public static DateTimeValue? ParseRange(Match m, DateTimeContext ctx, bool allowWeak)
    {
        var g = m.Groups;
        var p1 = ReadHour(g["hhmm1"], g["h1"], g["hw1"], g["m1"], g["mw1"]);
        var p2 = ReadHour(g["hhmm2"], g["h2"], g["hw2"], g["m2"], g["mw2"]);
        if (p1 is null || p2 is null)
        {
            return null;
        }

        var (h1, m1, hasM1) = p1.Value;
        var (h2, m2, hasM2) = p2.Value;
        var ap1 = g["ap1"].Success ? g["ap1"].Value[0] : (char?)null;
        var ap2 = g["ap2"].Success ? g["ap2"].Value[0] : (char?)null;
        var tod = g["tod"].Success ? g["tod"].Value : null;
        var strong = ap1 is not null || ap2 is not null || tod is not null || g["from"].Success || hasM1 || hasM2 || g["hhmm1"].Success;
        if (!strong && !allowWeak)
        {
            return null;
        }

        if ((g["hhmm1"].Success || g["hhmm2"].Success) && (!g["from"].Success || (g["hhmm1"].Value[0] is '1' or '2' && g["hhmm2"].Value.Length > 0 && g["hhmm2"].Value[0] is '1' or '2')))
        {
            return null;
        }

        if (g["conn"].Success && g["conn"].Value == "-" && !(ap1 is not null || ap2 is not null || hasM1 || hasM2 || g["from"].Success) && !allowWeak)
        {
            return null;
        }

        if (ap1 is null && ap2 is not null && h1 <= 12)
        {
            var end12 = h2 % 12;
            ap1 = ap2 == 'p' && (h1 % 12) > end12 ? 'a' : ap2;
        }

        var ambiguous = ap1 is null && ap2 is null && tod is null && h1 <= 12 && h2 <= 12;
        h1 = Apply(h1, ap1, tod);
        if (ap2 is null && ap1 is not null && tod is null && h2 <= 12)
        {
            h2 = Apply(h2, ap1, null);
            if (h2 < h1 && h2 < 12)
            {
                h2 += 12;
            }
        }
        else
        {
            h2 = Apply(h2, ap2, tod);
        }

        if (ambiguous)
        {
            if (h1 == 12)
            {
                h1 = 0;
            }

            if (h2 < h1 || (h2 == h1 && m2 <= m1))
            {
                h2 += 12;
            }
        }

        if (h1 > 23 || h2 > 24)
        {
            return null;
        }

        var start = ctx.Reference.Date.AddHours(h1).AddMinutes(m1);
        var end = ctx.Reference.Date.AddHours(h2).AddMinutes(m2);
        if (end <= start)
        {
            end = end.AddDays(1);
        }

        var t1 = DateUtil.TimeTimex(h1, hasM1 ? m1 : null, null);
        var t2 = DateUtil.TimeTimex(h2 % 24, hasM2 ? m2 : null, null);
        var timex = "(" + t1 + "," + t2 + "," + DateUtil.DurationTimex(end - start) + ")";
        return DateTimeValue.Range(DateTimeTypes.TimeRange, timex, start, end) with { AmPmAmbiguous = ambiguous && h1 < 12 };
    }

    private static (int Hour, int Minute, bool HasMinute)? ReadHour(Group hhmm, Group h, Group hw, Group min, Group minWord)
    {
        if (hhmm.Success)
        {
            return (int.Parse(hhmm.Value[..2], CultureInfo.InvariantCulture), int.Parse(hhmm.Value[2..], CultureInfo.InvariantCulture), true);
        }

        int hour;
        if (h.Success)
        {
            hour = int.Parse(h.Value, CultureInfo.InvariantCulture);
        }
        else if (hw.Success && EnglishNumberWords.ParseNumber(hw.Value) is { } w)
        {
            hour = (int)w;
        }
        else
        {
            return null;
        }

        if (min.Success)
        {
            return (hour, int.Parse(min.Value, CultureInfo.InvariantCulture), true);
        }

        if (minWord.Success && EnglishNumberWords.ParseNumber(minWord.Value) is { } mw && mw < 60)
        {
            return (hour, (int)mw, true);
        }

        return (hour, 0, false);
    }

    private static int Apply(int hour, char? ampm, string? tod)
    {
        if (ampm == 'p' && hour < 12)
        {
            return hour + 12;
        }

        if (ampm == 'a' && hour == 12)
        {
            return 0;
        }

        if (ampm is null && tod is not null && hour < 12 && (tod.Contains("afternoon", StringComparison.Ordinal) || tod.Contains("evening", StringComparison.Ordinal) || tod.Contains("night", StringComparison.Ordinal)))
        {
            return hour + 12;
        }

        return hour;
    }

    /// <summary>The hours of a named part of the day, and its TIMEX code.</summary>
    public static (string Code, int StartHour, int EndHour)? DayPart(string part) => Regex.Replace(part, @"[\s-]+", string.Empty) switch
    {
        "morning" => ("MO", 8, 12),
        "afternoon" => ("AF", 12, 16),
        "evening" => ("EV", 16, 20),
        "night" or "tonight" => ("NI", 20, 24),
        "daytime" => ("DT", 8, 18),
        "nighttime" => ("NT", 0, 8),
        "businesshours" => ("BH", 8, 18),
        "lunchtime" or "lunch" => ("MEL", 11, 13),
        "breakfast" => ("MEB", 8, 12),
        "dinner" => ("MED", 16, 20),
        _ => null,
    };

    public static DateTimeValue? ParsePartOfDay(Match m, DateTimeContext ctx)
    {
        var part = DayPart(m.Groups["part"].Value);
        if (part is null)
        {
            return null;
        }

        var prefix = m.Value[..(m.Groups["part"].Index - m.Index)];
        if (m.Groups["around"].Success || (part.Value.Code.StartsWith('M') && part.Value.Code.Length == 3 && prefix.Length == 0 && m.Groups["part"].Value != "lunchtime"))
        {
            if (!m.Groups["around"].Success)
            {
                return null;
            }
        }

        var (start, end) = Hours(ctx.Reference.Date, part.Value.StartHour, part.Value.EndHour);
        string? mod = null;
        if (m.Groups["pos"].Success)
        {
            var half = start.AddHours((end - start).TotalHours / 2 >= 2 ? 2 : (end - start).TotalHours / 2);
            (start, end, mod) = m.Groups["pos"].Value is "early" or "earlier" ? (start, half, "start") : (end.AddSeconds(end.Second == 59 ? 1 : 0).AddHours(-2), end, "end");
        }

        var v = DateTimeValue.Range(DateTimeTypes.TimeRange, "T" + part.Value.Code, start, end) with { Mod = mod };
        if (m.Groups["around"].Success)
        {
            var kind = m.Groups["around"].Value;
            if (kind == "around")
            {
                return v with { Mod = "approx" };
            }

            return kind == "before"
                ? new DateTimeValue { Type = DateTimeTypes.TimeRange, Timex = v.Timex, Mod = "before", FutureEnd = start, PastEnd = start }
                : new DateTimeValue { Type = DateTimeTypes.TimeRange, Timex = v.Timex, Mod = "after", FutureStart = end, PastStart = end };
        }

        return v;
    }

    public static (DateObject Start, DateObject End) Hours(DateObject date, int startHour, int endHour) =>
        (date.AddHours(startHour), endHour == 24 ? date.AddHours(23).AddMinutes(59).AddSeconds(59) : date.AddHours(endHour));

    /// <summary>A range from a start time lasting a duration ("from 9 for 2.5 hrs").</summary>
    public static DateTimeValue FromDuration(DateTimeValue time, DateTimeValue duration)
    {
        var start = time.FutureStart!.Value;
        var end = start.AddSeconds(duration.DurationSeconds);
        var endTimex = "T" + end.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var timex = "(" + time.Timex + "," + endTimex + "," + DateUtil.DurationTimex(end - start) + ")";
        return DateTimeValue.Range(DateTimeTypes.TimeRange, timex, start, end) with { AmPmAmbiguous = false };
    }

    /// <summary>A range between two parsed times.</summary>
    public static DateTimeValue? Between(DateTimeValue a, DateTimeValue b)
    {
        var start = a.FutureStart!.Value;
        var end = b.FutureStart!.Value;
        var ambiguous = a.AmPmAmbiguous && b.AmPmAmbiguous;
        if (a.AmPmAmbiguous && !b.AmPmAmbiguous && start.Hour < 12 && start.AddHours(12) < end)
        {
            start = start.AddHours(12);
        }

        if (end <= start)
        {
            end = end.AddDays(1);
        }

        var t1 = DateUtil.TimeTimex(start.Hour, a.Timex.Length > 3 ? start.Minute : null, a.Timex.Length > 6 ? start.Second : null);
        var timex = "(" + t1 + "," + b.Timex + "," + DateUtil.DurationTimex(end - start) + ")";
        return DateTimeValue.Range(DateTimeTypes.TimeRange, timex, start, end) with { AmPmAmbiguous = ambiguous };
    }

    /// <summary>Moves an ambiguous range into the afternoon/evening.</summary>
    public static DateTimeValue ShiftPm(DateTimeValue range)
    {
        var start = range.FutureStart!.Value.AddHours(12);
        var end = range.FutureEnd!.Value.AddHours(12);
        var timex = Regex.Replace(range.Timex, @"T(\d{2})", m =>
        {
            var h = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return h < 12 ? "T" + (h + 12).ToString("00", CultureInfo.InvariantCulture) : m.Value;
        });
        return range with { FutureStart = start, FutureEnd = end, PastStart = start, PastEnd = end, Timex = timex, AmPmAmbiguous = false };
    }
}
