using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Recognizers.DateTime.English;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Resolves times of day from the named groups every time pattern shares.</summary>
internal static class TimeParser
{
    public static DateTimeValue? Parse(Match m, DateTimeContext ctx) => ParseTime(m, ctx.Reference, false);

    /// <summary>A bare hour is only a time inside a composite ("sat at 5").</summary>
    public static DateTimeValue? ParseBare(Match m, DateTimeContext ctx) => ParseTime(m, ctx.Reference, true);

    /// <summary>"7ampm" names both readings; tasks mode, like upstream's, does not read it.</summary>
    public static DateTimeValue? ParseBothAmPm(Match m, DateTimeContext ctx) =>
        ctx.Options.HasFlag(DateTimeOptions.TasksMode) ? null : ParseTime(m, ctx.Reference, true);

    public static DateTimeValue? ParseTime(Match m, DateObject reference, bool allowBare)
    {
        int hour;
        int? minute = null, second = null;
        var g = m.Groups;
        var ambiguous = true;
        if (g["special"].Success)
        {
            var s = g["special"].Value;
            hour = s.Contains("night", StringComparison.Ordinal) ? 0 : 12;
            ambiguous = false;
        }
        else
        {
            if (g["hour"].Success)
            {
                hour = int.Parse(g["hour"].Value, CultureInfo.InvariantCulture);
            }
            else if (g["hourw"].Success && EnglishNumberWords.ParseNumber(g["hourw"].Value) is { } hw)
            {
                hour = (int)hw;
            }
            else
            {
                return null;
            }

            if (g["min"].Success)
            {
                minute = int.Parse(g["min"].Value, CultureInfo.InvariantCulture);
            }
            else if (g["minw"].Success)
            {
                var mw = EnglishNumberWords.ParseNumber(g["minw"].Value);
                if (mw is null or >= 60)
                {
                    return null;
                }

                minute = (int)mw.Value;
            }

            if (g["sec"].Success)
            {
                second = int.Parse(g["sec"].Value, CultureInfo.InvariantCulture);
            }

            if (g["half"].Success)
            {
                minute = g["half"].Value == "half" ? 30 : 15;
            }

            if (g["dir"].Success && minute is { } mm)
            {
                if (g["dir"].Value is "to" or "before" or "till")
                {
                    hour = hour == 0 ? 23 : hour - 1;
                    minute = 60 - mm;
                }
            }

            if (hour > 24 || (minute ?? 0) > 59)
            {
                return null;
            }

            if (g["ampm"].Success)
            {
                var pm = g["ampm"].Value.StartsWith('p');
                if (hour > 12)
                {
                    pm = false;
                }
                else if (pm && hour < 12)
                {
                    hour += 12;
                }
                else if (!pm && hour == 12)
                {
                    hour = 0;
                }

                ambiguous = false;
            }
            else if (g["tod"].Success)
            {
                var tod = g["tod"].Value;
                if ((tod.Contains("afternoon", StringComparison.Ordinal) || tod.Contains("evening", StringComparison.Ordinal) ||
                    (tod.Contains("night", StringComparison.Ordinal) && hour >= 6)) && hour < 12)
                {
                    hour += 12;
                }
                else if (tod.Contains("night", StringComparison.Ordinal) && hour == 12)
                {
                    hour = 0;
                }

                ambiguous = false;
            }
            else if (hour > 12 || hour == 0)
            {
                ambiguous = false;
            }
            else if (!allowBare && !g["dir"].Success && !minute.HasValue && !m.Value.Contains("clock", StringComparison.Ordinal) && !m.Value.EndsWith("ish", StringComparison.Ordinal))
            {
                return null;
            }

            if (m.Value.EndsWith("ish", StringComparison.Ordinal))
            {
                ambiguous = false;
            }

            if (hour == 24)
            {
                hour = 0;
            }
        }

        var timex = DateUtil.TimeTimex(hour, minute, second);
        var value = reference.Date.AddHours(hour).AddMinutes(minute ?? 0).AddSeconds(second ?? 0);
        var twelveWithMinutes = hour == 12 && minute is > 0 && !g["special"].Success;
        var result = DateTimeValue.Point(DateTimeTypes.Time, timex, value) with { AmPmAmbiguous = ambiguous && ((hour < 12 && hour > 0) || twelveWithMinutes) };
        if (g["around"].Success)
        {
            result = result with { Mod = "approx" };
        }

        return result;
    }
}
