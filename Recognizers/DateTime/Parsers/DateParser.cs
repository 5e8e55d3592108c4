using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.English;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Resolves single-date matches (month/day/year forms, relative days, weekdays) against the reference date.</summary>
internal static partial class DateParser
{
    public static DateTimeValue? ParseMonthDay(Match m, DateTimeContext ctx)
    {
        var month = EnglishDateTimeData.Months[m.Groups["month"].Value];
        var day = EnglishNumberWords.ParseDay(m.Groups["day"].Value);
        if (day is null or < 1 or > 31)
        {
            return null;
        }

        int? year = m.Groups["year"].Success ? ParseYear(m.Groups["year"].Value) : null;
        return Build(year, month, day.Value, ctx, RelOf(m));
    }

    public static DateTimeValue? ParseNumeric(Match m, DateTimeContext ctx)
    {
        var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
        int month, day;
        if (a > 12 && b <= 12)
        {
            (month, day) = (b, a);
        }
        else
        {
            (month, day) = (a, b);
        }

        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }

        if (m.Groups["year"].Success && m.Groups["year"].Value.Length == 2 && int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) is >= 30 and < 40)
        {
            var yy = m.Groups["year"].Value;
            var past = DateUtil.SafeDate(1900 + int.Parse(yy, CultureInfo.InvariantCulture), month, day);
            var future = DateUtil.SafeDate(2000 + int.Parse(yy, CultureInfo.InvariantCulture), month, day);
            return past is { } p && future is { } f ? DateTimeValue.Point(DateTimeTypes.Date, "XX" + yy + "-" + month.ToString("00", CultureInfo.InvariantCulture) + "-" + day.ToString("00", CultureInfo.InvariantCulture), f, p) : null;
        }

        int? year = m.Groups["year"].Success ? ParseYear(m.Groups["year"].Value) : null;
        return Build(year, month, day, ctx, RelOf(m));
    }

    /// <summary>
    /// "friday 7-6" is a date only when that day is a Friday; otherwise "monday 3-8" reads as hours, so the
    /// date reading is dropped.
    /// </summary>
    public static DateTimeValue? ParseWeekDayNumeric(Match m, DateTimeContext ctx)
    {
        var value = ParseNumeric(m, ctx);
        if (value is null || !m.Groups["weekday"].Success || !m.Value.Contains('-', StringComparison.Ordinal))
        {
            return value;
        }

        var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
        return DateUtil.SafeDate(ctx.Reference.Year, a, b) is { } d && DateUtil.IsoWeekDay(d) == EnglishDateTimeData.WeekDays[m.Groups["weekday"].Value]
            ? value
            : null;
    }

    /// <summary>"next 5/12" moves a year; "this/next friday 5/12" only names the date in this year.</summary>
    private static string? RelOf(Match m) =>
        m.Groups["wrel"].Success ? "this" : m.Groups["rel"].Success ? m.Groups["rel"].Value : null;

    public static DateTimeValue? ParseDayOfMonthWords(Match m, DateTimeContext ctx)
    {
        var day = EnglishNumberWords.ParseDay(m.Groups["day"].Value);
        if (day is null or < 1 or > 31)
        {
            return null;
        }

        if (m.Groups["month"].Success)
        {
            return Build(null, EnglishDateTimeData.Months[m.Groups["month"].Value], day.Value, ctx, null);
        }

        var first = new DateObject(ctx.Reference.Year, ctx.Reference.Month, 1).AddMonths(m.Groups["mrel"].Value switch { "next" => 1, "last" => -1, _ => 0 });
        var d = DateUtil.SafeDate(first.Year, first.Month, day.Value);
        return d is { } dd ? DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(dd), dd) : null;
    }

    public static int ParseYear(string text)
    {
        var t = text.TrimStart('\'');
        if (t.Length > 0 && !char.IsAsciiDigit(t[0]))
        {
            return EnglishNumberWords.ParseYearWords(t) ?? 0;
        }

        var y = int.Parse(t, CultureInfo.InvariantCulture);
        if (t.Length <= 2)
        {
            y += y < 40 ? 2000 : 1900;
        }

        return y;
    }

    public static DateTimeValue? Build(int? year, int month, int day, DateTimeContext ctx, string? rel)
    {
        var reference = ctx.Reference.Date;
        if (year is { } y)
        {
            var d = DateUtil.SafeDate(y, month, day);
            return d is { } date
                ? DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(date), date)
                : new DateTimeValue { Type = DateTimeTypes.Date, Timex = DateUtil.DateTimex(y, month, day), Value = "not resolved" };
        }

        if (day > 31 || (month == 2 && day > 29) || (day == 31 && month is 4 or 6 or 9 or 11))
        {
            return new DateTimeValue { Type = DateTimeTypes.Date, Timex = DateUtil.DateTimex(null, month, day), Value = "not resolved" };
        }

        if (rel is "this" or "next" or "last")
        {
            var yy = reference.Year + (rel == "next" ? 1 : rel == "last" ? -1 : 0);
            var fixedDate = DateUtil.SafeDate(yy, month, day);
            return fixedDate is { } fd ? DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(null, month, day), fd) : null;
        }

        var future = NextValid(reference.Year, month, day, 1, ctx.Reference, true);
        var past = NextValid(reference.Year, month, day, -1, ctx.Reference, false);
        return DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(null, month, day), future, past);
    }

    private static DateObject NextValid(int startYear, int month, int day, int step, DateObject reference, bool future)
    {
        for (var y = startYear; Math.Abs(y - startYear) < 9; y += step)
        {
            if (DateUtil.SafeDate(y, month, day) is { } d && (future ? d >= reference : d < reference))
            {
                return d;
            }
        }

        return reference;
    }

    public static DateTimeValue? ParseToday(Match m, DateTimeContext ctx) =>
        DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(ctx.Reference.Date), ctx.Reference.Date);

    /// <summary>A date shifted by a duration: "3 days after january 12th", "2 weeks before christmas".</summary>
    public static DateTimeValue? Shift(DateTimeValue date, DateTimeValue duration, int sign)
    {
        if (date.FutureStart is null || duration.Type != DateTimeTypes.Duration)
        {
            return null;
        }

        var d = date.FutureStart.Value.Date;
        var m = DurationPartsRegex().Matches(duration.Timex.Split('T')[0]);
        if (m.Count == 0 || duration.Timex.Contains('T', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (Match part in m)
        {
            var n = (int)double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture) * sign;
            d = part.Groups[2].Value switch
            {
                "Y" => d.AddYears(n),
                "M" => d.AddMonths(n),
                "W" => d.AddDays(7 * n),
                _ => d.AddDays(n),
            };
        }

        return DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(d), d) with { IsShifted = true };
    }

    /// <summary>
    /// A weekday said next to a shifted date ("monday two weeks from now", "in 3 days on friday") names that
    /// weekday in the (Sunday-based) week of the shifted date.
    /// </summary>
    public static DateTimeValue? WeekDayInWeekOf(DateTimeValue shifted, int isoWeekday)
    {
        if (shifted.FutureStart is not { } d)
        {
            return null;
        }

        var sundayStart = d.Date.AddDays(-(int)d.DayOfWeek);
        var day = sundayStart.AddDays(isoWeekday % 7);
        return DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(day), day);
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)([YMWD])", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPartsRegex();

    public static DateTimeValue? ParseRelativeDay(Match m, DateTimeContext ctx)
    {
        var offset = RelativeDayOffset(m.Groups["rel"].Value);
        var d = ctx.Reference.Date.AddDays(offset);
        return DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(d), d);
    }

    public static int RelativeDayOffset(string text) => Regex.Replace(text, @"\s+", " ") switch
    {
        "the day after tomorrow" or "day after tomorrow" => 2,
        "the day before yesterday" or "day before yesterday" => -2,
        "tomorrow" or "tmrw" or "tmr" or "the next day" or "the day after" or "the following day" => 1,
        "yesterday" or "the day before" or "the previous day" => -1,
        _ => 0,
    };

    public static DateTimeValue? ParseRelativeWeekDay(Match m, DateTimeContext ctx)
    {
        var wd = EnglishDateTimeData.WeekDays[m.Groups["weekday"].Value];
        var rel = Regex.Replace(m.Groups["rel"].Value, @"\s+", " ");
        var reference = ctx.Reference.Date;
        var thisDay = DateUtil.ThisWeekDay(reference, wd);
        DateObject d = rel switch
        {
            "this" => thisDay,
            "next" or "following" => thisDay.AddDays(7),
            "last" or "previous" or "past" or "this past" => thisDay < reference ? thisDay : thisDay.AddDays(-7),
            _ => thisDay > reference ? thisDay : thisDay.AddDays(7),
        };
        if (rel == "last" || rel == "previous")
        {
            d = thisDay.AddDays(-7);
        }

        return DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(d), d);
    }

    public static DateTimeValue? ParseWeekOfWeekDay(Match m, DateTimeContext ctx)
    {
        var wd = EnglishDateTimeData.WeekDays[m.Groups["weekday"].Value];
        var rel = m.Groups["rel"].Value;
        var shift = rel switch
        {
            "next" or "following" => 7,
            "last" or "previous" => -7,
            _ => 0,
        };
        var d = DateUtil.ThisWeekDay(ctx.Reference.Date.AddDays(shift), wd);
        return DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(d), d);
    }

    public static DateTimeValue? ParseWeekDay(Match m, DateTimeContext ctx) => WeekDayValue(EnglishDateTimeData.WeekDays[m.Groups["weekday"].Value], ctx.Reference);

    public static DateTimeValue WeekDayValue(int wd, DateObject referenceTime)
    {
        var reference = referenceTime.Date;
        var thisDay = DateUtil.ThisWeekDay(reference, wd);
        var future = thisDay >= reference ? thisDay : thisDay.AddDays(7);
        var past = thisDay < reference ? thisDay : thisDay.AddDays(-7);
        return DateTimeValue.Point(DateTimeTypes.Date, "XXXX-WXX-" + wd.ToString(CultureInfo.InvariantCulture), future, past);
    }

    public static DateTimeValue? ParseWeekDayDay(Match m, DateTimeContext ctx)
    {
        var wd = EnglishDateTimeData.WeekDays[m.Groups["weekday"].Value];
        var day = EnglishNumberWords.ParseDay(m.Groups["day"].Value);
        if (day is null or < 1 or > 31)
        {
            return null;
        }

        var reference = ctx.Reference.Date;
        var here = DateUtil.SafeDate(reference.Year, reference.Month, day.Value);
        if (here is { } h && DateUtil.IsoWeekDay(h) == wd && (m.Groups["the"].Success || h == reference))
        {
            return DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(h), h);
        }

        DateObject? future = null, past = null;
        var first = new DateObject(reference.Year, reference.Month, 1);
        for (var i = 0; i < 36 && (future is null || past is null); i++)
        {
            if (future is null && DateUtil.SafeDate(first.AddMonths(i).Year, first.AddMonths(i).Month, day.Value) is { } f && f >= reference && DateUtil.IsoWeekDay(f) == wd)
            {
                future = f;
            }

            if (past is null && DateUtil.SafeDate(first.AddMonths(-i).Year, first.AddMonths(-i).Month, day.Value) is { } p && p <= reference && DateUtil.IsoWeekDay(p) == wd)
            {
                past = p;
            }
        }

        if (future is null || past is null)
        {
            return null;
        }

        return DateTimeValue.Point(DateTimeTypes.Date, "XXXX-WXX-" + wd.ToString(CultureInfo.InvariantCulture), future.Value, past.Value);
    }

    public static DateTimeValue? ParseTheDay(Match m, DateTimeContext ctx)
    {
        var day = EnglishNumberWords.ParseDay(m.Groups["day"].Value);
        if (day is null or < 1 or > 31)
        {
            return null;
        }

        var reference = ctx.Reference.Date;
        string? mod = m.Groups["around"].Success ? "approx" : null;
        if (m.Groups["rel"].Success)
        {
            var monthStart = new DateObject(reference.Year, reference.Month, 1).AddMonths(m.Groups["rel"].Value switch { "next" => 1, "last" => -1, _ => 0 });
            var d = DateUtil.SafeDate(monthStart.Year, monthStart.Month, day.Value);
            return d is { } dd ? DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(dd), dd) with { Mod = mod } : null;
        }

        DateObject? future = null, past = null;
        var first = new DateObject(reference.Year, reference.Month, 1);
        for (var i = 0; i < 3; i++)
        {
            if (future is null && DateUtil.SafeDate(first.AddMonths(i).Year, first.AddMonths(i).Month, day.Value) is { } f && f >= reference)
            {
                future = f;
            }

            if (past is null && DateUtil.SafeDate(first.AddMonths(-i).Year, first.AddMonths(-i).Month, day.Value) is { } p && p < reference)
            {
                past = p;
            }
        }

        if (future is null || past is null)
        {
            return null;
        }

        return DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(null, null, day.Value), future.Value, past.Value) with { Mod = mod };
    }

    public static DateTimeValue? ParseInDuration(Match m, DateTimeContext ctx)
    {
        var n = EnglishNumberWords.ParseNumber(m.Groups["num"].Value);
        if (n is null || n != Math.Floor(n.Value))
        {
            return null;
        }

        var d = AddUnits(ctx.Reference.Date, m.Groups["unit"].Value, (int)n.Value);
        return d is { } date ? DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(date), date) with { IsShifted = true } : null;
    }

    public static DateTimeValue? ParseDurationRelative(Match m, DateTimeContext ctx)
    {
        var n = EnglishNumberWords.ParseNumber(m.Groups["num"].Value);
        if (n is null || n != Math.Floor(n.Value))
        {
            return null;
        }

        var dir = m.Groups["dir"].Value;
        var anchor = ctx.Reference.Date;
        if (m.Groups["anchor"].Success)
        {
            anchor = anchor.AddDays(RelativeDayOffset(m.Groups["anchor"].Value));
        }
        else if (dir is "before" or "after" or "from" or "since")
        {
            return null;
        }

        var sign = dir is "ago" or "before" ? -1 : 1;
        var unit = m.Groups["unit"].Value;
        var d = AddUnits(anchor, unit, sign * (int)n.Value);
        return d is { } date
            ? DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(date), date) with { IsShifted = true, ShiftAnchor = anchor, ShiftTimex = UnitTimex(unit, (int)n.Value) }
            : null;
    }

    private static string? UnitTimex(string unit, int n) => unit.TrimEnd('s') switch
    {
        "day" or "night" => "P" + n.ToString(CultureInfo.InvariantCulture) + "D",
        "week" => "P" + n.ToString(CultureInfo.InvariantCulture) + "W",
        "fortnight" => "P" + (14 * n).ToString(CultureInfo.InvariantCulture) + "D",
        "month" => "P" + n.ToString(CultureInfo.InvariantCulture) + "M",
        "year" => "P" + n.ToString(CultureInfo.InvariantCulture) + "Y",
        _ => null,
    };

    /// <summary>
    /// "more than 2 weeks before today" is an open range ending at the shifted date; "less than 3 days after
    /// tomorrow" and "within 2 weeks after today" run from the anchor to the shifted date.
    /// </summary>
    public static DateTimeValue? BoundShifted(DateTimeValue shifted, bool more)
    {
        if (shifted.ShiftAnchor is not { } anchor || shifted.FutureStart is not { } d || shifted.ShiftTimex is null || d == anchor)
        {
            return null;
        }

        if (more)
        {
            return d < anchor
                ? new DateTimeValue { Type = DateTimeTypes.DateRange, Timex = shifted.Timex, Mod = "before", FutureEnd = d, PastEnd = d }
                : new DateTimeValue { Type = DateTimeTypes.DateRange, Timex = shifted.Timex, Mod = "after", FutureStart = d, PastStart = d };
        }

        var (start, end) = d < anchor ? (d, anchor) : (anchor, d);
        return DateTimeValue.Range(DateTimeTypes.DateRange, "(" + DateUtil.DateTimex(start) + "," + DateUtil.DateTimex(end) + "," + shifted.ShiftTimex + ")", start, end);
    }

    public static DateObject? AddUnits(DateObject d, string unit, int n) => unit.TrimEnd('s') switch
    {
        "day" or "night" => d.AddDays(n),
        "week" => d.AddDays(7 * n),
        "fortnight" => d.AddDays(14 * n),
        "month" => d.AddMonths(n),
        "year" => d.AddYears(n),
        _ => null,
    };
}
