using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.Parsers;
using P = AuthorBot.Recognizers.DateTime.English.EnglishDateTimePatterns;

namespace AuthorBot.Recognizers.DateTime.Extractors;

/// <summary>Finds date ranges: calendar units, months, years, quarters, "next 3 days", and ranges between dates.</summary>
internal static class DatePeriodExtractor
{
    private static readonly PatternRule[] _rules =
    [
        new(P.RelativePeriodRegex(), DatePeriodParser.ParseRelativePeriod),
        new(P.BareWeekendRegex(), DatePeriodParser.ParseBareWeekend),
        new(P.MonthPeriodRegex(), DatePeriodParser.ParseMonth),
        new(P.YearMonthPeriodRegex(), DatePeriodParser.ParseMonth),
        new(P.NumericYearMonthRegex(), DatePeriodParser.ParseNumericYearMonth),
        new(P.YearPeriodRegex(), DatePeriodParser.ParseYear),
        new(P.WordYearPeriodRegex(), DatePeriodParser.ParseYear),
        new(P.YearRangeRegex(), DatePeriodParser.ParseYearRange),
        new(P.RelativeFiscalYearRegex(), DatePeriodParser.ParseRelativeFiscalYear),
        new(P.NextNUnitsRegex(), DatePeriodParser.ParseNextN),
        new(P.WeekOfRegex(), DatePeriodParser.ParseWeekOf),
        new(P.WeekNumberRegex(), DatePeriodParser.ParseWeekNumber),
        new(P.QuarterRegex(), DatePeriodParser.ParseQuarter),
        new(P.SeasonRegex(), DatePeriodParser.ParseSeason),
        new(P.DecadeRegex(), DatePeriodParser.ParseDecade),
        new(P.CenturyRegex(), DatePeriodParser.ParseCentury),
        new(P.YearToDateRegex(), DatePeriodParser.ParseYearToDate),
        new(P.EndOfUnitRegex(), DateRangeParser.ParseEndOfUnit),
        new(P.DaysThenMonthRangeRegex(), DateRangeParser.ParseDayRange),
        new(P.MonthThenDaysRangeRegex(), DateRangeParser.ParseDayRange),
        new(P.DaysInRelativeMonthRangeRegex(), DateRangeParser.ParseDayRange),
    ];

    public static List<DateTimeCandidate> Extract(DateTimeContext context, List<DateTimeCandidate> dates, List<DateTimeCandidate> dateTimes)
    {
        var text = context.Text;
        var simple = new List<DateTimeCandidate>();
        foreach (var rule in _rules)
        {
            rule.Run(context, simple);
        }

        // A period beats a date it covers only when it is longer; equal spans ("2015-3") stay periods.
        var basic = CandidateSelection.LongestNonOverlapping(simple.Concat(dates));
        var all = new List<DateTimeCandidate>(simple);

        // Positions inside a period: "early this month", "mid-november", "end of 2000".
        foreach (var p in basic.Where(b => b.Value.Type == DateTimeTypes.DateRange).ToList())
        {
            var pos = P.PeriodPositionPrefixRegex().Match(text[..p.Start]);
            if (pos.Success && DateRangeParser.Position(pos.Groups["pos"].Value, p.Value, context) is { } posValue)
            {
                var c = new DateTimeCandidate(pos.Index, p.End - pos.Index, posValue);
                all.Add(c);
                basic.Add(c);
            }
        }

        // "the week of april 10th"
        foreach (var d in basic.Where(b => b.Value.Type == DateTimeTypes.Date))
        {
            var weekOf = P.WeekOfDatePrefixRegex().Match(text[..d.Start]);
            if (weekOf.Success)
            {
                all.Add(new DateTimeCandidate(weekOf.Index, d.End - weekOf.Index, DateRangeParser.WeekOfDate(d.Value)));
            }
        }

        // Ranges between two dates or two periods: "from march to may", "2014-2018", "between jan 22 and now".
        var ends = basic.Where(b => b.Value.Type is DateTimeTypes.Date or DateTimeTypes.DateRange)
            .Concat(dateTimes.Where(t => t.Value.Timex == "PRESENT_REF"))
            .OrderBy(b => b.Start).ToList();
        for (var i = 0; i < ends.Count; i++)
        {
            for (var j = i + 1; j < ends.Count && j <= i + 2; j++)
            {
                var a = ends[i];
                var b = ends[j];
                if (b.Start < a.End)
                {
                    continue;
                }

                var gap = text[a.End..b.Start];
                var prefix = P.RangeStartPrefixRegex().Match(text[..a.Start]);
                var hasFrom = prefix.Success;
                var isBetween = hasFrom && prefix.Value.StartsWith("between", StringComparison.Ordinal);
                var connOk = isBetween ? Regex.IsMatch(gap, @"^\s*(?:and|-|~|–|through|thru|to)\s*(?:the\s+)?$") : hasFrom ? P.RangeConnectorRegex().IsMatch(gap) && !Regex.IsMatch(gap, @"^\s*and\s*(?:the\s+)?$") : P.BareRangeConnectorRegex().IsMatch(gap);
                if (!connOk)
                {
                    continue;
                }

                if (DateRangeParser.Between(a.Value, b.Value, context) is { } range)
                {
                    var start = hasFrom ? prefix.Index : a.Start;
                    all.Add(new DateTimeCandidate(start, b.End - start, range));
                }
            }
        }

        return CandidateSelection.LongestNonOverlapping(all);
    }
}
