using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.English;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Resolves date ranges: calendar units, months, years, "next 3 days", weeks of a month, quarters, seasons, decades.</summary>
internal static partial class DatePeriodParser
{
    private static readonly string[] _contextWordsForThe = ["for", "of", "in", "during", "within", "through", "throughout", "over", "all", "whole", "entire"];
    private static readonly string[] _contextWordsForMay = ["in", "of", "for", "since", "during", "until", "till", "from", "to", "between", "by", "before", "after", "early", "mid", "late", "through", "on", "than", "starting", "beginning", "end", "middle"];

    public static DateTimeValue Range(string timex, DateObject start, DateObject end) =>
        DateTimeValue.Range(DateTimeTypes.DateRange, timex, start, end);

    private static string PreviousWord(DateTimeContext ctx, int index)
    {
        var m = PreviousWordRegex().Match(ctx.Text[..index]);
        return m.Success ? m.Groups[1].Value : string.Empty;
    }

    public static DateTimeValue? ParseRelativePeriod(Match m, DateTimeContext ctx)
    {
        var rel = Regex.Replace(m.Groups["rel"].Value, @"\s+", " ");
        var unitText = Regex.Replace(m.Groups["unit"].Value, @"\s+", " ");
        var unit = unitText switch
        {
            "weekend" or "week end" => "weekend",
            "working week" or "workweek" or "work week" or "business week" => "week",
            "calendar year" => "year",
            "school year" or "fiscal year" => "fy",
            _ => unitText,
        };
        if (unit == "fy")
        {
            return null;
        }

        var reference = ctx.Reference.Date;
        if (rel is "that" or "same" or "the same")
        {
            var r = PeriodMath.UnitRange(unit, reference, 0);
            var timex = unit switch { "week" => "XXXX-WXX", "weekend" => "XXXX-WXX-WE", "month" => "XXXX-XX", "year" => "XXXX", _ => null };
            return r is null || timex is null ? null : Range(timex, r.Value.Start, r.Value.End) with { Mod = "ref_undef" };
        }

        if (rel is "remaining of the" or "rest of the")
        {
            var r = PeriodMath.UnitRange(unit, reference, 0);
            if (r is null)
            {
                return null;
            }

            var end = unit == "week" ? r.Value.End.AddDays(-1) : r.Value.End;
            return Range(PeriodMath.RangeTimex(reference, end, "P" + ((int)(end - reference).TotalDays).ToString(CultureInfo.InvariantCulture) + "D"), reference, end);
        }

        if (rel == "the" && Array.IndexOf(_contextWordsForThe, PreviousWord(ctx, m.Index)) < 0 && unit is not ("weekend" or "fortnight"))
        {
            return null;
        }

        var shift = rel switch
        {
            "next" or "coming" or "upcoming" or "following" or "the following" or "the coming" or "the next" or "this coming" => 1,
            "last" or "previous" or "past" or "the last" or "the previous" or "the past" or "this past" => -1,
            _ => 0,
        };
        if (m.Groups["afternext"].Success)
        {
            shift = 2;
        }

        var range = PeriodMath.UnitRange(unit, reference, shift);
        return range is { } rr ? Range(rr.Timex, rr.Start, rr.End) : null;
    }

    public static DateTimeValue? ParseBareWeekend(Match m, DateTimeContext ctx)
    {
        var r = PeriodMath.UnitRange("weekend", ctx.Reference, 0)!.Value;
        return Range(r.Timex, r.Start, r.End);
    }

    public static DateTimeValue? ParseMonth(Match m, DateTimeContext ctx)
    {
        var monthText = m.Groups["month"].Value;
        var month = EnglishDateTimeData.Months[monthText];
        var hasYear = m.Groups["year"].Success || m.Groups["relyear"].Success;
        var rel = m.Groups["rel"].Success ? m.Groups["rel"].Value : null;
        if (!hasYear && monthText == "may" && rel == "this")
        {
            return null;
        }

        if (!hasYear && rel is null or "the")
        {
            var prev = PreviousWord(ctx, m.Groups["month"].Index);
            var inContext = Array.IndexOf(_contextWordsForMay, prev) >= 0;
            var atEnd = m.Groups["month"].Index + monthText.Length >= ctx.Text.TrimEnd('.', '!', '?', ' ').Length;
            if (monthText is "may" or "march" && !inContext)
            {
                return null;
            }

            if (monthText.Length <= 4 && monthText != "june" && monthText != "july" && !inContext && !atEnd && prev.Length > 0)
            {
                return null;
            }
        }

        var reference = ctx.Reference.Date;
        if (m.Groups["year"].Success || m.Groups["relyear"].Success)
        {
            var year = m.Groups["year"].Success
                ? DateParser.ParseYear(m.Groups["year"].Value)
                : reference.Year + (m.Groups["relyear"].Value switch { "next" => 1, "last" => -1, _ => 0 });
            return MonthRange(year, month);
        }

        if (rel is "this" or "next" or "last" or "previous" or "coming")
        {
            var year = reference.Year + (rel switch { "next" or "coming" => 1, "last" or "previous" => -1, _ => 0 });
            return MonthRange(year, month);
        }

        return YearlessMonth(month, reference);
    }

    public static DateTimeValue MonthRange(int year, int month)
    {
        var start = new DateObject(year, month, 1);
        return Range(DateUtil.MonthTimex(year, month), start, start.AddMonths(1));
    }

    public static DateTimeValue YearlessMonth(int month, DateObject reference)
    {
        int futureYear = reference.Year, pastYear = reference.Year;
        if (month < reference.Month)
        {
            futureYear++;
        }
        else
        {
            pastYear--;
        }

        var fs = new DateObject(futureYear, month, 1);
        var ps = new DateObject(pastYear, month, 1);
        return DateTimeValue.Range(DateTimeTypes.DateRange, "XXXX-" + month.ToString("00", CultureInfo.InvariantCulture), fs, fs.AddMonths(1), ps, ps.AddMonths(1));
    }

    public static DateTimeValue? ParseNumericYearMonth(Match m, DateTimeContext ctx)
    {
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["mnum"].Value, CultureInfo.InvariantCulture);
        return MonthRange(year, month);
    }

    public static DateTimeValue? ParseYear(Match m, DateTimeContext ctx)
    {
        // Tasks mode keeps to digit years, as upstream's tasks-mode patterns do.
        if (ctx.Options.HasFlag(DateTimeOptions.TasksMode) && m.Groups["year"].Success && !char.IsAsciiDigit(m.Groups["year"].Value[0]))
        {
            return null;
        }

        var year = m.Groups["year"].Success ? DateParser.ParseYear(m.Groups["year"].Value) : 2000 + int.Parse(m.Groups["yy"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["fy"].Success || m.Groups["pre"].Value.StartsWith("sy", StringComparison.Ordinal))
        {
            var prefix = m.Groups["pre"].Value.StartsWith('s') ? "SY" : "FY";
            return new DateTimeValue { Type = DateTimeTypes.DateRange, Timex = prefix + year.ToString("0000", CultureInfo.InvariantCulture), Value = "not resolved" };
        }
        if (!m.Groups["pre"].Success && (year < 1500 || year > 2100))
        {
            return null;
        }

        return YearRange(year);
    }

    public static DateTimeValue? ParseRelativeFiscalYear(Match m, DateTimeContext ctx)
    {
        var prefix = m.Groups["fy"].Value.StartsWith('s') ? "SY" : "FY";
        if (!m.Groups["rel"].Success)
        {
            return new DateTimeValue { Type = DateTimeTypes.DateRange, Timex = prefix + "XXXX", Value = "not resolved" };
        }

        var year = ctx.Reference.Year + (m.Groups["rel"].Value switch { "next" => 1, "last" => -1, _ => 0 });
        return new DateTimeValue { Type = DateTimeTypes.DateRange, Timex = prefix + year.ToString("0000", CultureInfo.InvariantCulture), Value = "not resolved" };
    }

    public static DateTimeValue? ParseYearRange(Match m, DateTimeContext ctx)
    {
        var y1 = int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture);
        var y2 = int.Parse(m.Groups["y2"].Value, CultureInfo.InvariantCulture);
        var connector = m.Value[(m.Groups["y1"].Index - m.Index + 4)..(m.Groups["y2"].Index - m.Index)].Trim();
        if (y2 <= y1 || (connector == "and" && m.Groups["from"].Value != "between") || (m.Groups["from"].Value == "in" && connector != "through"))
        {
            return null;
        }

        return DateRangeParser.Between(YearRange(y1), YearRange(y2), ctx);
    }

    public static DateTimeValue YearRange(int year)
    {
        var start = new DateObject(year, 1, 1);
        return Range(year.ToString("0000", CultureInfo.InvariantCulture), start, start.AddYears(1));
    }

    public static DateTimeValue? ParseNextN(Match m, DateTimeContext ctx)
    {
        var rel = Regex.Replace(m.Groups["rel"].Value, @"\s+", " ");
        var numText = m.Groups["num"].Value;
        double? n = numText.Length == 0 ? 1
            : numText.Contains("couple", StringComparison.Ordinal) ? 2
            : numText is "few" or "a few" or "several" ? 3
            : EnglishNumberWords.ParseNumber(numText);
        if (n is null || n <= 0 || n != Math.Floor(n.Value))
        {
            return null;
        }

        var unitText = m.Groups["unit"].Value;
        if (unitText.StartsWith("business", StringComparison.Ordinal))
        {
            return null;
        }

        var unitName = unitText.TrimEnd('s');
        var (letter, factor) = unitName switch
        {
            "day" => ('D', 1),
            "week" => ('W', 1),
            "month" => ('M', 1),
            "year" => ('Y', 1),
            "quarter" => ('M', 3),
            "fortnight" => ('W', 2),
            "decade" => ('Y', 10),
            _ => ('?', 0),
        };
        if (letter == '?')
        {
            return null;
        }

        var count = n.Value * factor;
        var reference = ctx.Reference.Date;
        var backward = rel.EndsWith("last", StringComparison.Ordinal) || rel.EndsWith("past", StringComparison.Ordinal) || rel.EndsWith("previous", StringComparison.Ordinal);
        var duration = "P" + DateUtil.Num(count) + letter;
        if (unitName == "quarter")
        {
            var q = PeriodMath.UnitRange("quarter", reference, 0)!.Value;
            var (qs, qe) = backward ? (q.Start.AddMonths(-(int)count), q.Start) : (q.End, q.End.AddMonths((int)count));
            return Range(PeriodMath.RangeTimex(qs, qe, duration), qs, qe);
        }

        DateObject start, end;
        if (rel.StartsWith("within", StringComparison.Ordinal) && !backward)
        {
            start = reference;
            end = PeriodMath.AddUnits(start, letter, count);
        }
        else if (backward)
        {
            end = reference;
            start = PeriodMath.AddUnits(end, letter, -count);
        }
        else
        {
            start = reference.AddDays(1);
            end = PeriodMath.AddUnits(start, letter, count);
        }

        return Range(PeriodMath.RangeTimex(start, end, duration), start, end);
    }

    public static DateTimeValue? ParseWeekOf(Match m, DateTimeContext ctx)
    {
        var ordText = m.Groups["ord"].Value;
        var ord = ordText switch
        {
            "first" or "1st" => 1,
            "second" or "2nd" => 2,
            "third" or "3rd" => 3,
            "fourth" or "4th" => 4,
            "fifth" or "5th" => 5,
            _ => -1,
        };
        var reference = ctx.Reference.Date;
        if (m.Groups["unit"].Success)
        {
            var shift = m.Groups["rel"].Value switch { "next" => 1, "last" => -1, _ => 0 };
            if (m.Groups["unit"].Value == "month")
            {
                var first = new DateObject(reference.Year, reference.Month, 1).AddMonths(shift);
                return WeekOfMonth(first.Year, first.Month, ord, DateUtil.MonthTimex(first.Year, first.Month));
            }

            return WeekOfYear(reference.Year + shift, ord);
        }

        if (m.Groups["month"].Success)
        {
            var month = EnglishDateTimeData.Months[m.Groups["month"].Value];
            if (m.Groups["year"].Success)
            {
                var y = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                return WeekOfMonth(y, month, ord, DateUtil.MonthTimex(y, month));
            }

            var futureYear = month < reference.Month ? reference.Year + 1 : reference.Year;
            var pastYear = month < reference.Month ? reference.Year : reference.Year - 1;
            var f = WeekOfMonth(futureYear, month, ord, "XXXX-" + month.ToString("00", CultureInfo.InvariantCulture));
            var p = WeekOfMonth(pastYear, month, ord, "XXXX-" + month.ToString("00", CultureInfo.InvariantCulture));
            return f with { PastStart = p.FutureStart, PastEnd = p.FutureEnd };
        }

        return WeekOfYear(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), ord);
    }

    private static DateTimeValue WeekOfMonth(int year, int month, int ord, string monthTimex)
    {
        DateObject start;
        int index;
        if (ord < 0)
        {
            start = DateUtil.ThisWeekDay(new DateObject(year, month, 1).AddMonths(1).AddDays(-7), 1);
            index = 5;
        }
        else
        {
            var first = new DateObject(year, month, 1);
            var monday = DateUtil.ThisWeekDay(first, 1);
            if (DateUtil.IsoWeekDay(first) > 4)
            {
                monday = monday.AddDays(7);
            }

            start = monday.AddDays(7 * (ord - 1));
            index = ord;
        }

        return Range(monthTimex + "-W" + index.ToString("00", CultureInfo.InvariantCulture), start, start.AddDays(7));
    }

    private static DateTimeValue WeekOfYear(int year, int ord)
    {
        if (ord < 0)
        {
            var lastWeek = ISOWeek.GetWeeksInYear(year);
            var s = ISOWeek.ToDateTime(year, lastWeek, DayOfWeek.Monday);
            return Range(DateUtil.WeekTimex(s), s, s.AddDays(7));
        }

        var start = ISOWeek.ToDateTime(year, ord, DayOfWeek.Monday);
        return Range(DateUtil.WeekTimex(start), start, start.AddDays(7));
    }

    public static DateTimeValue? ParseWeekNumber(Match m, DateTimeContext ctx)
    {
        var wn = int.Parse(m.Groups["wn"].Value, CultureInfo.InvariantCulture);
        var year = ctx.Reference.Year;
        if (m.Groups["year"].Success)
        {
            year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        }
        else if (m.Groups["rel"].Success)
        {
            year += m.Groups["rel"].Value switch { "next" => 1, "last" => -1, _ => 0 };
        }

        if (wn > ISOWeek.GetWeeksInYear(year))
        {
            return null;
        }

        var start = ISOWeek.ToDateTime(year, wn, DayOfWeek.Monday);
        return Range(DateUtil.WeekTimex(start), start, start.AddDays(7));
    }

    public static DateTimeValue? ParseQuarter(Match m, DateTimeContext ctx)
    {
        var reference = ctx.Reference.Date;
        if (m.Groups["h"].Success)
        {
            var y = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            var hs = new DateObject(y, m.Groups["h"].Value == "1" ? 1 : 7, 1);
            return Range(PeriodMath.RangeTimex(hs, hs.AddMonths(6), "P6M"), hs, hs.AddMonths(6));
        }

        var q = m.Groups["q"].Success
            ? int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture)
            : m.Groups["qord"].Value switch { "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, _ => 4 };
        int? year = null;
        if (m.Groups["year"].Success)
        {
            year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        }
        else if (m.Groups["rel"].Success)
        {
            year = reference.Year + (m.Groups["rel"].Value switch { "next" => 1, "last" => -1, _ => 0 });
        }

        if (year is { } yy)
        {
            var s = new DateObject(yy, ((q - 1) * 3) + 1, 1);
            return Range(PeriodMath.RangeTimex(s, s.AddMonths(3), "P3M"), s, s.AddMonths(3));
        }

        if (!m.Groups["q"].Success && !m.Groups["qthe"].Success)
        {
            return null;
        }

        var fs = new DateObject(reference.Year, ((q - 1) * 3) + 1, 1);
        var ps = fs;
        if (fs.AddMonths(3) <= reference)
        {
            fs = fs.AddYears(1);
        }
        else
        {
            ps = ps.AddYears(-1);
        }

        var timex = "(XXXX-" + fs.ToString("MM-dd", CultureInfo.InvariantCulture) + ",XXXX-" + fs.AddMonths(3).ToString("MM-dd", CultureInfo.InvariantCulture) + ",P3M)";
        return DateTimeValue.Range(DateTimeTypes.DateRange, timex, fs, fs.AddMonths(3), ps, ps.AddMonths(3));
    }

    public static DateTimeValue? ParseSeason(Match m, DateTimeContext ctx)
    {
        var code = EnglishDateTimeData.Seasons[m.Groups["season"].Value];
        var reference = ctx.Reference.Date;
        string timex;
        if (m.Groups["year"].Success)
        {
            timex = m.Groups["year"].Value + "-" + code;
        }
        else if (m.Groups["rel"].Success && m.Groups["rel"].Value != "the")
        {
            var y = reference.Year + (m.Groups["rel"].Value switch { "next" => 1, "last" => -1, _ => 0 });
            timex = y.ToString("0000", CultureInfo.InvariantCulture) + "-" + code;
        }
        else
        {
            timex = code;
        }

        return new DateTimeValue { Type = DateTimeTypes.DateRange, Timex = timex, Value = "not resolved" };
    }

    public static DateTimeValue? ParseDecade(Match m, DateTimeContext ctx)
    {
        if (m.Groups["decade"].Success)
        {
            var y = int.Parse(m.Groups["decade"].Value, CultureInfo.InvariantCulture);
            var s = new DateObject(y, 1, 1);
            return Range(PeriodMath.RangeTimex(s, s.AddYears(10), "P10Y"), s, s.AddYears(10));
        }

        var dec = m.Groups["shortdec"].Success
            ? int.Parse(m.Groups["shortdec"].Value, CultureInfo.InvariantCulture)
            : m.Groups["decw"].Value switch
            {
                "twenties" => 20,
                "thirties" => 30,
                "forties" => 40,
                "fifties" => 50,
                "sixties" => 60,
                "seventies" => 70,
                "eighties" => 80,
                _ => 90,
            };
        var timex = "(XX" + dec.ToString("00", CultureInfo.InvariantCulture) + "-01-01,XX" + ((dec + 10) % 100).ToString("00", CultureInfo.InvariantCulture) + "-01-01,P10Y)";
        var past = new DateObject(1900 + dec, 1, 1);
        var future = new DateObject(2000 + dec, 1, 1);
        return DateTimeValue.Range(DateTimeTypes.DateRange, timex, future, future.AddYears(10), past, past.AddYears(10));
    }

    public static DateTimeValue? ParseCentury(Match m, DateTimeContext ctx)
    {
        var c = int.Parse(m.Groups["cent"].Value, CultureInfo.InvariantCulture);
        if (c < 1)
        {
            return null;
        }

        var s = new DateObject(((c - 1) * 100) + 1 == 1 ? 1 : (c - 1) * 100, 1, 1);
        return Range(PeriodMath.RangeTimex(s, s.AddYears(100), "P100Y"), s, s.AddYears(100));
    }

    public static DateTimeValue? ParseYearToDate(Match m, DateTimeContext ctx)
    {
        var reference = ctx.Reference.Date;
        var start = new DateObject(reference.Year, 1, 1);
        return Range(reference.Year.ToString("0000", CultureInfo.InvariantCulture), start, reference);
    }

    [GeneratedRegex(@"(\w+)\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex PreviousWordRegex();
}
