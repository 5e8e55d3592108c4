using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.English;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Resolves date-times: a date joined with a time, "now", "in 5 minutes", "end of tomorrow".</summary>
internal static class DateTimeParser
{
    public static DateTimeValue Combine(DateTimeValue date, DateTimeValue time)
    {
        if (date.FutureStart is null)
        {
            return new DateTimeValue { Type = DateTimeTypes.DateTime, Timex = date.Timex + time.Timex, Value = date.Value ?? "not resolved" };
        }

        var tod = time.FutureStart!.Value.TimeOfDay;
        var fut = date.FutureStart!.Value.Date + tod;
        var past = (date.PastStart ?? date.FutureStart).Value.Date + tod;
        return new DateTimeValue
        {
            Type = DateTimeTypes.DateTime,
            Timex = date.Timex + time.Timex,
            FutureStart = fut,
            PastStart = past,
            AmPmAmbiguous = time.AmPmAmbiguous,
            Mod = time.Mod ?? date.Mod,
        };
    }

    public static DateTimeValue? ParseNow(Match m, DateTimeContext ctx) =>
        DateTimeValue.Point(DateTimeTypes.DateTime, "PRESENT_REF", ctx.Reference);

    public static DateTimeValue? ParseRelativeTime(Match m, DateTimeContext ctx)
    {
        double n;
        if (m.Groups["num"].Success)
        {
            var t = m.Groups["num"].Value;
            n = t is "few" or "a few" ? 3 : EnglishNumberWords.ParseNumber(t) ?? double.NaN;
        }
        else
        {
            n = 0.5;
        }

        if (double.IsNaN(n))
        {
            return null;
        }

        var seconds = m.Groups["unit"].Value[0] switch
        {
            'h' => 3600,
            'm' => 60,
            _ => 1,
        } * n;
        var sign = m.Groups["dir"].Value is "ago" or "before" ? -1 : 1;
        var d = ctx.Reference.AddSeconds(sign * seconds);
        return DateTimeValue.Point(DateTimeTypes.DateTime, DateUtil.DateTimex(d) + DateUtil.FullTimeTimex(d), d);
    }

    public static DateTimeValue? ParseEndOfDay(Match m, DateTimeContext ctx) => EndOf(DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(ctx.Reference.Date), ctx.Reference.Date));

    public static DateTimeValue EndOf(DateTimeValue date) => new()
    {
        Type = DateTimeTypes.DateTime,
        Timex = date.Timex + "T23:59:59",
        FutureStart = date.FutureStart!.Value.Date.AddHours(23).AddMinutes(59).AddSeconds(59),
        PastStart = (date.PastStart ?? date.FutureStart).Value.Date.AddHours(23).AddMinutes(59).AddSeconds(59),
    };

    /// <summary>"tonight", "tomorrow morning": the date and the part of day it names.</summary>
    public static (DateObject Date, string Part) DayPart(string text, DateObject reference)
    {
        var t = Regex.Replace(text, @"\s+", " ");
        var date = reference.Date;
        if (t.StartsWith("tomorrow", StringComparison.Ordinal) || t.StartsWith("tmrw", StringComparison.Ordinal))
        {
            date = date.AddDays(1);
        }
        else if (t.StartsWith("yesterday", StringComparison.Ordinal) || t.StartsWith("last night", StringComparison.Ordinal))
        {
            date = date.AddDays(-1);
        }

        var part = t.EndsWith("morning", StringComparison.Ordinal) ? "MO"
            : t.EndsWith("afternoon", StringComparison.Ordinal) ? "AF"
            : t.EndsWith("evening", StringComparison.Ordinal) ? "EV"
            : "NI";
        return (date, part);
    }

    /// <summary>Moves an hour given without am/pm into the named part of day.</summary>
    public static DateTimeValue ApplyDayPart(DateTimeValue time, string part)
    {
        var v = time.FutureStart!.Value;
        var hour = v.Hour;
        if (time.AmPmAmbiguous || (hour < 12 && part != "MO"))
        {
            if (part is "AF" or "EV" || (part == "NI" && hour >= 5 && hour < 12))
            {
                if (hour < 12)
                {
                    v = v.AddHours(12);
                }
            }
        }

        var timex = DateUtil.TimeTimex(v.Hour, time.Timex.Length > 3 ? v.Minute : null, time.Timex.Length > 6 ? v.Second : null);
        return time with { FutureStart = v, PastStart = v, Timex = timex, AmPmAmbiguous = false };
    }
}
