using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.English;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Resolves date-time ranges: a date with a time range or part of day, and "next 5 hours".</summary>
internal static class DateTimePeriodParser
{
    public static DateTimeValue? WithTimeRange(DateTimeValue date, DateTimeValue range)
    {
        if (date.FutureStart is null || range.FutureStart is null || range.FutureEnd is null || range.Mod is not null)
        {
            return null;
        }

        var parts = range.Timex.Trim('(', ')').Split(',');
        string timex;
        if (parts.Length == 3)
        {
            timex = "(" + date.Timex + parts[0] + "," + date.Timex + parts[1] + "," + parts[2] + ")";
        }
        else
        {
            timex = date.Timex + range.Timex;
        }

        var startTod = range.FutureStart.Value.TimeOfDay;
        var span = range.FutureEnd.Value - range.FutureStart.Value;
        var fs = date.FutureStart.Value.Date + startTod;
        var ps = (date.PastStart ?? date.FutureStart).Value.Date + startTod;
        return DateTimeValue.Range(DateTimeTypes.DateTimeRange, timex, fs, fs + span, ps, ps + span) with { AmPmAmbiguous = range.AmPmAmbiguous };
    }

    public static DateTimeValue? ParseRelativeUnits(Match m, DateTimeContext ctx)
    {
        var rel = m.Groups["rel"].Value;
        double n = 1;
        if (m.Groups["num"].Success)
        {
            var t = m.Groups["num"].Value;
            var parsed = t is "few" or "a few" ? 3 : EnglishNumberWords.ParseNumber(t);
            if (parsed is null)
            {
                return null;
            }

            n = parsed.Value;
        }
        else if (!rel.StartsWith("within", StringComparison.Ordinal) && rel is not ("next" or "last" or "past" or "previous"))
        {
            return null;
        }

        var unit = m.Groups["unit"].Value[0];
        var seconds = n * (unit == 'h' ? 3600 : unit == 'm' ? 60 : 1);
        var reference = ctx.Reference;
        var backward = rel is "last" or "past" or "previous";
        var (start, end) = backward ? (reference.AddSeconds(-seconds), reference) : (reference, reference.AddSeconds(seconds));
        var timex = "(" + DateUtil.DateTimex(start) + DateUtil.FullTimeTimex(start) + "," + DateUtil.DateTimex(end) + DateUtil.FullTimeTimex(end) + "," + DateUtil.DurationTimex(end - start) + ")";
        return DateTimeValue.Range(DateTimeTypes.DateTimeRange, timex, start, end);
    }

    public static DateTimeValue? WithPartOfDay(DateTimeValue date, string code, string? mod)
    {
        var part = TimePeriodParser.DayPart(code switch { "MO" => "morning", "AF" => "afternoon", "EV" => "evening", "NI" => "night", _ => code });
        if (part is null || date.FutureStart is null)
        {
            return null;
        }

        var (fs, fe) = TimePeriodParser.Hours(date.FutureStart.Value.Date, part.Value.StartHour, part.Value.EndHour);
        var (ps, pe) = TimePeriodParser.Hours((date.PastStart ?? date.FutureStart).Value.Date, part.Value.StartHour, part.Value.EndHour);
        if (mod is "start" or "end")
        {
            (fs, fe) = mod == "start" ? (fs, fs.AddHours(2)) : (fe.AddSeconds(fe.Second == 59 ? 1 : 0).AddHours(-2), fe);
            (ps, pe) = mod == "start" ? (ps, ps.AddHours(2)) : (pe.AddSeconds(pe.Second == 59 ? 1 : 0).AddHours(-2), pe);
        }

        return DateTimeValue.Range(DateTimeTypes.DateTimeRange, date.Timex + "T" + part.Value.Code, fs, fe, ps, pe) with { Mod = mod };
    }

    /// <summary>"tonight", "this morning", "tomorrow evening", "last night".</summary>
    public static DateTimeValue? ParseDayPartWords(Match m, DateTimeContext ctx)
    {
        var (date, code) = DateTimeParser.DayPart(m.Value, ctx.Reference);
        if (m.Value.StartsWith("last night", StringComparison.Ordinal))
        {
            date = ctx.Reference.Date.AddDays(-1);
        }

        return WithPartOfDay(DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(date), date), code, null);
    }

    /// <summary>"early in the day wednesday", "mid today", "later in today".</summary>
    public static DateTimeValue? DayPosition(string pos, DateTimeValue date)
    {
        if (date.FutureStart is null)
        {
            return null;
        }

        (int, int, string) r = pos switch
        {
            "early" => (0, 12, "start"),
            "mid" or "middle" => (10, 14, "mid"),
            _ => (12, 24, "end"),
        };
        var fs = date.FutureStart.Value.Date.AddHours(r.Item1);
        var fe = date.FutureStart.Value.Date.AddHours(r.Item2);
        var ps = (date.PastStart ?? date.FutureStart).Value.Date.AddHours(r.Item1);
        var pe = (date.PastStart ?? date.FutureStart).Value.Date.AddHours(r.Item2);
        return DateTimeValue.Range(DateTimeTypes.DateTimeRange, date.Timex, fs, fe, ps, pe) with { Mod = r.Item3 };
    }

    public static string ModKind(string word) => Regex.Replace(word, @"\s+", " ") switch
    {
        "after" or "later than" => "after",
        "since" => "since",
        "until" or "till" => "until",
        _ => "before",
    };

    public static string FormatHour(int h) => h.ToString("00", CultureInfo.InvariantCulture);

    public static DateObject Noon(DateObject d) => d.Date.AddHours(12);
}
