using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.English;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Resolves composite date ranges: between two dates or periods, day ranges in a month, parts of a period.</summary>
internal static class DateRangeParser
{
    public static DateTimeValue? ParseEndOfUnit(Match m, DateTimeContext ctx)
    {
        var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : "year";
        var r = PeriodMath.UnitRange(unit, ctx.Reference, 0)!.Value;
        var start = unit switch
        {
            "year" => new DateObject(r.Start.Year, 7, 1),
            "month" => new DateObject(r.Start.Year, r.Start.Month, 16),
            _ => r.Start.AddDays(3),
        };
        return DatePeriodParser.Range(r.Timex, start, r.End) with { Mod = "end" };
    }

    public static DateTimeValue? ParseDayRange(Match m, DateTimeContext ctx)
    {
        var d1 = EnglishNumberWords.ParseDay(m.Groups["d1"].Value);
        var d2 = EnglishNumberWords.ParseDay(m.Groups["d2"].Value);
        if (d1 is null || d2 is null || d1 >= d2 || d2 > 31)
        {
            return null;
        }

        var reference = ctx.Reference.Date;
        if (m.Groups["rel"].Success)
        {
            var first = new DateObject(reference.Year, reference.Month, 1).AddMonths(m.Groups["rel"].Value switch { "next" => 1, "last" => -1, _ => 0 });
            var s = DateUtil.SafeDate(first.Year, first.Month, d1.Value);
            var e = DateUtil.SafeDate(first.Year, first.Month, d2.Value);
            return s is { } ss && e is { } ee ? DatePeriodParser.Range(PeriodMath.RangeTimex(ss, ee, DateUtil.DurationBetweenDates(ss, ee)), ss, ee) : null;
        }

        var month = EnglishDateTimeData.Months[m.Groups["month"].Value];
        if (m.Groups["year"].Success)
        {
            var y = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            var s = DateUtil.SafeDate(y, month, d1.Value);
            var e = DateUtil.SafeDate(y, month, d2.Value);
            return s is { } ss && e is { } ee ? DatePeriodParser.Range(PeriodMath.RangeTimex(ss, ee, DateUtil.DurationBetweenDates(ss, ee)), ss, ee) : null;
        }

        var start = DateParser.Build(null, month, d1.Value, ctx, null);
        var end = DateParser.Build(null, month, d2.Value, ctx, null);
        if (start is null || end is null || start.Value is not null || end.Value is not null)
        {
            return null;
        }

        return Between(start, end, ctx, sameYear: true);
    }

    /// <summary>The week containing a date ("the week of april 10th").</summary>
    public static DateTimeValue WeekOfDate(DateTimeValue date)
    {
        var f = DateUtil.ThisWeekDay(date.FutureStart!.Value, 1);
        var p = DateUtil.ThisWeekDay((date.PastStart ?? date.FutureStart).Value, 1);
        return DateTimeValue.Range(DateTimeTypes.DateRange, date.Timex, f, f.AddDays(7), p, p.AddDays(7));
    }

    public static DateTimeValue? Position(string pos, DateTimeValue period, DateTimeContext ctx)
    {
        if (period.FutureStart is null || period.FutureEnd is null || period.Value is not null)
        {
            return null;
        }

        var kind = KindOf(period.Timex);
        if (kind is null)
        {
            return null;
        }

        var reference = ctx.Reference.Date;
        var isRelative = !period.Timex.StartsWith("XXXX", StringComparison.Ordinal) && period.PastStart == period.FutureStart;
        (DateObject, DateObject) Slice(DateObject s, DateObject e)
        {
            var (mid1, mid2, half) = kind switch
            {
                'W' => (s.AddDays(1), s.AddDays(4), s.AddDays(3)),
                'M' => (s.AddDays(9), s.AddDays(20), s.AddDays(15)),
                _ => (s.AddMonths(4), s.AddMonths(8), s.AddMonths(6)),
            };
            return pos switch
            {
                "early" or "beginning" or "start" => (s, kind == 'Y' ? mid1 : half),
                "mid" or "middle" => (mid1, mid2),
                "late" or "end" => (kind == 'Y' ? mid2 : half, e),
                "earlier" => (s, isRelative && reference > s && reference < half ? reference : half),
                "later" => (isRelative && reference > half && reference < e ? reference : half, e),
                _ => (reference, e),
            };
        }

        if (pos is "remaining" or "rest")
        {
            return null;
        }

        var (fs, fe) = Slice(period.FutureStart.Value, period.FutureEnd.Value);
        var (ps, pe) = Slice(period.PastStart!.Value, period.PastEnd!.Value);
        string? mod = pos switch
        {
            "early" or "beginning" or "start" => "start",
            "mid" or "middle" => "mid",
            "late" or "end" => "end",
            "earlier" => isRelative && period.Timex == CurrentTimex(kind.Value, reference) ? null : "start",
            _ => isRelative && period.Timex == CurrentTimex(kind.Value, reference) ? null : "end",
        };
        if (pos is "earlier" or "later" && mod is not null)
        {
            (fs, fe) = pos == "earlier" ? (period.FutureStart.Value, fs.AddDays(0)) : (fs, fe);
        }

        return DateTimeValue.Range(DateTimeTypes.DateRange, period.Timex, fs, fe, ps, pe) with { Mod = mod };
    }

    private static string CurrentTimex(char kind, DateObject reference) => kind switch
    {
        'W' => DateUtil.WeekTimex(reference),
        'M' => DateUtil.MonthTimex(reference.Year, reference.Month),
        _ => reference.Year.ToString("0000", CultureInfo.InvariantCulture),
    };

    private static char? KindOf(string timex)
    {
        if (Regex.IsMatch(timex, @"^(\d{4}|XXXX)$"))
        {
            return 'Y';
        }

        if (Regex.IsMatch(timex, @"^(\d{4}|XXXX)-\d{2}$"))
        {
            return 'M';
        }

        if (Regex.IsMatch(timex, @"^\d{4}-W\d{2}$"))
        {
            return 'W';
        }

        return null;
    }

    /// <summary>A range from the start of <paramref name="a"/> to <paramref name="b"/> (its start, or its end when it is an "end of" part).</summary>
    public static DateTimeValue? Between(DateTimeValue a, DateTimeValue b, DateTimeContext ctx, bool sameYear = false)
    {
        if (a.Value is not null || b.Value is not null || a.FutureStart is null || b.FutureStart is null)
        {
            return null;
        }

        if (a.Type == DateTimeTypes.DateRange && a.Timex.StartsWith('(') && b.Type == DateTimeTypes.DateRange && !b.Timex.StartsWith('(') && !IsQuarterLike(a.Timex))
        {
            return null;
        }

        var reference = ctx.Reference.Date;
        DateObject Start(DateTimeValue v, bool past) => v.Timex == "PRESENT_REF" ? reference : (past ? v.PastStart ?? v.FutureStart!.Value : v.FutureStart!.Value).Date;

        // "between the end of 2007 and ...": a range that starts at the end of a period starts when that period ends.
        DateObject From(DateTimeValue v, bool past) => v.Type == DateTimeTypes.DateRange && v.Mod == "end" && v.FutureEnd is not null
            ? (past ? v.PastEnd ?? v.FutureEnd.Value : v.FutureEnd.Value).Date
            : Start(v, past);
        DateObject End(DateTimeValue v, bool past)
        {
            if (v.Timex == "PRESENT_REF")
            {
                return reference;
            }

            if (v.Type == DateTimeTypes.DateRange && v.Mod == "end")
            {
                return past ? v.PastEnd ?? v.FutureEnd!.Value : v.FutureEnd!.Value;
            }

            return Start(v, past);
        }

        var aYearless = a.Timex.StartsWith("XXXX", StringComparison.Ordinal);
        var bYearless = b.Timex.StartsWith("XXXX", StringComparison.Ordinal);
        var fs = From(a, false);
        var ps = From(a, true);
        var fe = End(b, false);
        var pe = End(b, true);
        if (aYearless && !bYearless)
        {
            fs = ps = new DateObject(fe.Year, fs.Month, fs.Day);
            if (fs > fe)
            {
                fs = ps = fs.AddYears(-1);
            }
        }
        else if (!aYearless && bYearless)
        {
            fe = pe = new DateObject(fs.Year, fe.Month, Math.Min(fe.Day, DateObject.DaysInMonth(fs.Year, fe.Month)));
            if (fe < fs)
            {
                fe = pe = fe.AddYears(1);
            }
        }
        else if (aYearless && bYearless)
        {
            fe = new DateObject(fs.Year, fe.Month, Math.Min(fe.Day, DateObject.DaysInMonth(fs.Year, fe.Month)));
            pe = new DateObject(ps.Year, pe.Month, Math.Min(pe.Day, DateObject.DaysInMonth(ps.Year, pe.Month)));
            if (fe < fs)
            {
                fe = fe.AddYears(1);
            }

            if (pe < ps)
            {
                pe = pe.AddYears(1);
            }

            if (!sameYear && ps != fs && fs.Year == reference.Year + 1 && fe.Year > fs.Year)
            {
                fs = ps;
                fe = pe;
            }
        }

        if (fe < fs)
        {
            return null;
        }

        var granularity = Granularity(a) == 'Y' && Granularity(b) == 'Y' ? 'Y' : Granularity(a) != 'D' && Granularity(b) != 'D' ? 'M' : 'D';
        var duration = PeriodMath.DurationBetween(fs, fe, granularity);
        // A year said once names both ends: "from may to oct 2020".
        var yearless = (aYearless || a.Timex == "PRESENT_REF") && (bYearless || b.Timex == "PRESENT_REF");
        var timex = "(" + EndTimex(a, fs, yearless) + "," + EndTimex(b, fe, yearless) + "," + duration + ")";
        return DateTimeValue.Range(DateTimeTypes.DateRange, timex, fs, fe, ps, pe);
    }

    private static bool IsQuarterLike(string timex) => timex.EndsWith("P3M)", StringComparison.Ordinal) || timex.EndsWith("P6M)", StringComparison.Ordinal);

    private static char Granularity(DateTimeValue v)
    {
        if (v.Type == DateTimeTypes.Date || v.Timex == "PRESENT_REF")
        {
            return 'D';
        }

        if (Regex.IsMatch(v.Timex, @"^\d{4}$") && v.Mod is null)
        {
            return 'Y';
        }

        // A part of a year or month ("the end of 2008", "the end of june") counts in months.
        if (v.Mod is "start" or "mid" or "end" && Regex.IsMatch(v.Timex, @"^(?:\d{4}|XXXX)(?:-\d\d)?$"))
        {
            return 'M';
        }

        return v.FutureStart!.Value.Day == 1 ? 'M' : 'D';
    }

    private static string EndTimex(DateTimeValue v, DateObject d, bool yearless) =>
        yearless && (v.Timex.StartsWith("XXXX", StringComparison.Ordinal) || v.Timex.StartsWith("(XXXX", StringComparison.Ordinal))
            ? "XXXX-" + d.ToString("MM-dd", CultureInfo.InvariantCulture)
            : DateUtil.DateTimex(d);
}
