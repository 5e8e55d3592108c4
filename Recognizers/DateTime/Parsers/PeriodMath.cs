using System.Globalization;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Calendar units as ranges: the week, month, quarter or year containing a date, shifted by whole units.</summary>
internal static class PeriodMath
{
    public static (DateObject Start, DateObject End, string Timex)? UnitRange(string unit, DateObject anchor, int shift)
    {
        var d = anchor.Date;
        switch (unit)
        {
            case "week":
                {
                    var monday = DateUtil.ThisWeekDay(d, 1).AddDays(7 * shift);
                    return (monday, monday.AddDays(7), DateUtil.WeekTimex(monday));
                }

            case "weekend":
                {
                    var sat = DateUtil.ThisWeekDay(d, 6).AddDays(7 * shift);
                    return (sat, sat.AddDays(2), DateUtil.WeekTimex(sat) + "-WE");
                }

            case "month":
                {
                    var first = new DateObject(d.Year, d.Month, 1).AddMonths(shift);
                    return (first, first.AddMonths(1), DateUtil.MonthTimex(first.Year, first.Month));
                }

            case "year":
                {
                    var first = new DateObject(d.Year + shift, 1, 1);
                    return (first, first.AddYears(1), first.Year.ToString("0000", CultureInfo.InvariantCulture));
                }

            case "quarter":
                {
                    var q = (d.Month - 1) / 3;
                    var first = new DateObject(d.Year, (q * 3) + 1, 1).AddMonths(3 * shift);
                    var end = first.AddMonths(3);
                    return (first, end, RangeTimex(first, end, "P3M"));
                }

            case "fortnight":
                {
                    var monday = DateUtil.ThisWeekDay(d, 1).AddDays(14 * shift);
                    var end = monday.AddDays(14);
                    return (monday, end, RangeTimex(monday, end, "P2W"));
                }

            case "decade":
                {
                    var first = new DateObject(((d.Year / 10) + shift) * 10, 1, 1);
                    var end = first.AddYears(10);
                    return (first, end, RangeTimex(first, end, "P10Y"));
                }

            default:
                return null;
        }
    }

    public static string RangeTimex(DateObject start, DateObject end, string duration) =>
        "(" + DateUtil.DateTimex(start) + "," + DateUtil.DateTimex(end) + "," + duration + ")";

    /// <summary>The duration between two range ends in the coarsest unit that divides it: P4Y, P2M or P37D.</summary>
    public static string DurationBetween(DateObject start, DateObject end, char granularity)
    {
        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month;
        if (granularity == 'Y' && start.Month == 1 && start.Day == 1 && end.Month == 1 && end.Day == 1)
        {
            return "P" + (months / 12).ToString(CultureInfo.InvariantCulture) + "Y";
        }

        if (granularity is 'Y' or 'M' && start.Day == 1 && end.Day == 1)
        {
            return "P" + months.ToString(CultureInfo.InvariantCulture) + "M";
        }

        return "P" + ((int)(end - start).TotalDays).ToString(CultureInfo.InvariantCulture) + "D";
    }

    public static DateObject AddUnits(DateObject d, char unit, double n) => unit switch
    {
        'D' => d.AddDays(n),
        'W' => d.AddDays(7 * n),
        'M' => d.AddMonths((int)n),
        'Y' => d.AddYears((int)n),
        _ => d,
    };
}
