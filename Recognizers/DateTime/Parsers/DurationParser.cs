using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.English;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Resolves durations to a TIMEX (P3D, PT1H30M) and a length in seconds.</summary>
internal static partial class DurationParser
{
    public static DateTimeValue? Parse(Match m, DateTimeContext ctx)
    {
        var g = m.Groups;
        if (!EnglishDateTimeData.Units.TryGetValue(g["unit"].Value, out var unit))
        {
            return null;
        }

        double n;
        if (g["all"].Success || g["lead"].Success)
        {
            n = 1;
        }
        else if (!g["num"].Success)
        {
            n = 0.5;
        }
        else
        {
            var numText = g["num"].Value;
            n = numText switch
            {
                "½" => 0.5,
                "few" or "a few" or "several" or "some" => 3,
                "another" => 1,
                _ => EnglishNumberWords.ParseNumber(numText) ?? double.NaN,
            };
        }

        if (double.IsNaN(n))
        {
            return null;
        }

        // "a second round" is an ordinal, not one second.
        if (g["unit"].Value == "second" && g["num"].Value is "a" && FollowedByWord().IsMatch(ctx.Text[(m.Index + m.Length)..]))
        {
            return null;
        }

        if (g["frac"].Success)
        {
            n += g["frac"].Value.EndsWith("half", StringComparison.Ordinal) ? 0.5 : 0.25;
        }

        return Make(n * unit.Factor, unit);
    }

    public static DateTimeValue Make(double count, DurationUnit unit)
    {
        var timex = FormatTimex(count, unit);
        var seconds = count * unit.Seconds / unit.Factor;
        return new DateTimeValue
        {
            Type = DateTimeTypes.Duration,
            Timex = timex,
            Value = DateUtil.Num(seconds),
            DurationSeconds = seconds,
        };
    }

    private static string FormatTimex(double count, DurationUnit unit)
    {
        // Fractions of a larger unit are expressed in the next smaller one, as upstream does (1.5 hours -> PT1.5H stays).
        var c = DateUtil.Num(count);
        return unit.IsTime ? "PT" + c + unit.Letter : "P" + c + unit.Letter;
    }

    /// <summary>Joins adjacent durations ("1 hour and 30 minutes") into one value.</summary>
    public static DateTimeValue Combine(DateTimeValue a, DateTimeValue b)
    {
        var timex = CombineTimex(a.Timex, b.Timex);
        var seconds = a.DurationSeconds + b.DurationSeconds;
        return new DateTimeValue
        {
            Type = DateTimeTypes.Duration,
            Timex = timex,
            Value = DateUtil.Num(seconds),
            DurationSeconds = seconds,
        };
    }

    private static string CombineTimex(string a, string b)
    {
        static (string Date, string Time) Split(string t)
        {
            var body = t[1..];
            var ti = body.IndexOf('T', StringComparison.Ordinal);
            return ti < 0 ? (body, string.Empty) : (body[..ti], body[(ti + 1)..]);
        }

        var (ad, at) = Split(a);
        var (bd, bt) = Split(b);
        var date = ad + bd;
        var time = at + bt;
        return "P" + date + (time.Length > 0 ? "T" + time : string.Empty);
    }

    public static string SecondsText(double seconds) => seconds.ToString("0.##########", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s+(?!and\b|or\b|from\b|to\b|later\b|ago\b)[a-z]", RegexOptions.CultureInvariant)]
    private static partial Regex FollowedByWord();
}
