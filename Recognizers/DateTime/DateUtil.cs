using System.Globalization;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime;

/// <summary>Calendar arithmetic and TIMEX formatting shared by the parsers.</summary>
internal static class DateUtil
{
    public static DateObject? SafeDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateObject.DaysInMonth(year, month)
            ? new DateObject(year, month, day)
            : null;

    /// <summary>Monday-based week: the given ISO weekday (1..7) in the week of <paramref name="from"/>.</summary>
    public static DateObject ThisWeekDay(DateObject from, int isoWeekday)
    {
        var start = from.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)from.DayOfWeek;
        return from.Date.AddDays(isoWeekday - start);
    }

    public static int IsoWeekDay(DateObject d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    public static string DateTimex(DateObject d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTimex(int? year, int? month, int? day) =>
        (year is { } y ? y.ToString("0000", CultureInfo.InvariantCulture) : "XXXX") + "-" +
        (month is { } m ? m.ToString("00", CultureInfo.InvariantCulture) : "XX") + "-" +
        (day is { } dd ? dd.ToString("00", CultureInfo.InvariantCulture) : "XX");

    public static string TimeTimex(int hour, int? minute, int? second)
    {
        var s = "T" + hour.ToString("00", CultureInfo.InvariantCulture);
        if (minute is { } m)
        {
            s += ":" + m.ToString("00", CultureInfo.InvariantCulture);
            if (second is { } sec)
            {
                s += ":" + sec.ToString("00", CultureInfo.InvariantCulture);
            }
        }
        else if (second is { } sec)
        {
            s += ":00:" + sec.ToString("00", CultureInfo.InvariantCulture);
        }

        return s;
    }

    public static string FullTimeTimex(DateObject d) => "T" + d.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string DateTimeTimex(DateObject d) => DateTimex(d) + TimeTimex(d.Hour, d.Minute, d.Second);

    public static string WeekTimex(DateObject d)
    {
        var week = ISOWeek.GetWeekOfYear(d);
        var year = ISOWeek.GetYear(d);
        return year.ToString("0000", CultureInfo.InvariantCulture) + "-W" + week.ToString("00", CultureInfo.InvariantCulture);
    }

    public static string MonthTimex(int year, int month) =>
        year.ToString("0000", CultureInfo.InvariantCulture) + "-" + month.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Formats a span between two points as a TIMEX duration (P3D, PT2H30M, P1M...).</summary>
    public static string DurationBetweenDates(DateObject start, DateObject end) =>
        "P" + ((int)(end.Date - start.Date).TotalDays).ToString(CultureInfo.InvariantCulture) + "D";

    public static string DurationTimex(TimeSpan span)
    {
        if (span.TotalSeconds <= 0)
        {
            return "PT0S";
        }

        if (span.TotalHours >= 24 && span.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return "P" + ((long)span.TotalDays).ToString(CultureInfo.InvariantCulture) + "D";
        }

        var s = "PT";
        var hours = (long)span.TotalHours;
        if (hours > 0)
        {
            s += hours.ToString(CultureInfo.InvariantCulture) + "H";
        }

        if (span.Minutes > 0)
        {
            s += span.Minutes.ToString(CultureInfo.InvariantCulture) + "M";
        }

        if (span.Seconds > 0)
        {
            s += span.Seconds.ToString(CultureInfo.InvariantCulture) + "S";
        }

        return s;
    }

    public static string Num(double d) => d.ToString("0.##########", CultureInfo.InvariantCulture);
}
