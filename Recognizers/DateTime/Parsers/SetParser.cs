using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.English;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Resolves recurring sets to a TIMEX; their value is "not resolved", as upstream reports by default.</summary>
internal static class SetParser
{
    public static DateTimeValue Set(string timex) => new() { Type = DateTimeTypes.Set, Timex = timex, Value = "not resolved" };

    public static DateTimeValue? ParseAdverb(Match m, DateTimeContext ctx) => Regex.Replace(m.Groups["adv"].Value, "-", string.Empty) switch
    {
        "daily" or "everyday" => Set("P1D"),
        "weekly" => Set("P1W"),
        "biweekly" => Set("P2W"),
        "monthly" => Set("P1M"),
        "bimonthly" => Set("P2M"),
        "annually" or "annual" or "yearly" => Set("P1Y"),
        "quarterly" => Set("P3M"),
        "semiannually" or "semiannual" => Set("P0.5Y"),
        "hourly" => Set("PT1H"),
        "nightly" => Set("TNI"),
        _ => null,
    };

    public static DateTimeValue? ParseEveryUnit(Match m, DateTimeContext ctx)
    {
        var n = 1.0;
        if (m.Groups["other"].Success)
        {
            n = 2;
        }
        else if (m.Groups["num"].Success)
        {
            var parsed = EnglishNumberWords.ParseNumber(m.Groups["num"].Value);
            if (parsed is null)
            {
                return null;
            }

            n = parsed.Value;
        }

        var unit = m.Groups["unit"].Value.TrimEnd('s');
        var c = n.ToString(CultureInfo.InvariantCulture);
        return unit switch
        {
            "day" => Set("P" + c + "D"),
            "week" => Set("P" + c + "W"),
            "month" => Set("P" + c + "M"),
            "year" => Set("P" + c + "Y"),
            "quarter" => Set("P" + (n * 3).ToString(CultureInfo.InvariantCulture) + "M"),
            "weekend" => Set("P" + c + "WE"),
            "weekday" => Set("P" + c + "WD"),
            "fortnight" => Set("P" + (n * 2).ToString(CultureInfo.InvariantCulture) + "W"),
            "hour" => Set("PT" + c + "H"),
            "minute" => Set("PT" + c + "M"),
            _ => null,
        };
    }

    public static DateTimeValue? ParseEveryWeekDay(Match m, DateTimeContext ctx)
    {
        var wd = EnglishDateTimeData.WeekDays[m.Groups["weekday"].Value];
        var timex = "XXXX-WXX-" + wd.ToString(CultureInfo.InvariantCulture);
        if (m.Groups["part"].Success)
        {
            timex += "T" + PartCode(m.Groups["part"].Value);
        }

        return Set(timex);
    }

    public static DateTimeValue? ParseEveryPart(Match m, DateTimeContext ctx) =>
        m.Groups["we"].Success ? Set("P1WE") : Set("T" + PartCode(m.Groups["part"].Value));

    public static DateTimeValue? ParseDayOfEveryMonth(Match m, DateTimeContext ctx) =>
        EnglishNumberWords.ParseDay(m.Groups["day"].Value) is { } d and >= 1 and <= 31 ? Set(DateUtil.DateTimex(null, null, d)) : null;

    private static string PartCode(string part) => part switch
    {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    };

    /// <summary>A set with a time: "3pm each day" is T15, "each monday at 4pm" is XXXX-WXX-1T16.</summary>
    public static DateTimeValue? WithTime(DateTimeValue set, DateTimeValue time)
    {
        if (time.Type != DateTimeTypes.Time)
        {
            return null;
        }

        var baseTimex = set.Timex;
        var t = baseTimex.IndexOf('T', StringComparison.Ordinal);
        if (t >= 0)
        {
            baseTimex = baseTimex[..t];
        }

        if (baseTimex is "P1D" or "")
        {
            return Set(time.Timex);
        }

        return baseTimex.StartsWith("XXXX", StringComparison.Ordinal) ? Set(baseTimex + time.Timex) : null;
    }
}
