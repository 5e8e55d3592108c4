using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.English;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Resolves holiday names, with an optional year or this/next/last.</summary>
internal static class HolidayParser
{
    public static DateTimeValue? Parse(Match m, DateTimeContext ctx) => ParseCore(m, ctx) is { } v ? v with { IsHoliday = true } : null;

    private static DateTimeValue? ParseCore(Match m, DateTimeContext ctx)
    {
        if (!EnglishHolidays.Dates.TryGetValue(EnglishHolidays.Key(m.Groups["holiday"].Value), out var dateOf))
        {
            return null;
        }

        var reference = ctx.Reference.Date;
        int? year = null;
        if (m.Groups["year"].Success)
        {
            year = DateParser.ParseYear(m.Groups["year"].Value);
        }
        else if (m.Groups["relyear"].Success)
        {
            year = reference.Year + (m.Groups["relyear"].Value switch { "next" => 1, "last" => -1, _ => 0 });
        }

        if (year is { } y)
        {
            var d = dateOf(y);
            return d is { } dd ? DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(dd), dd) : null;
        }

        var thisYear = dateOf(reference.Year);
        if (thisYear is null)
        {
            return null;
        }

        var next = thisYear.Value >= reference ? thisYear.Value : dateOf(reference.Year + 1)!.Value;
        var prev = thisYear.Value < reference ? thisYear.Value : dateOf(reference.Year - 1)!.Value;
        if (m.Groups["rel"].Success)
        {
            var rel = m.Groups["rel"].Value;
            var fixedDate = rel is "last" or "previous" ? prev : rel == "this" ? thisYear.Value : next;
            return DateTimeValue.Point(DateTimeTypes.Date, DateUtil.DateTimex(fixedDate), fixedDate);
        }

        var timex = "XXXX-" + thisYear.Value.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return DateTimeValue.Point(DateTimeTypes.Date, timex, next, prev);
    }
}
