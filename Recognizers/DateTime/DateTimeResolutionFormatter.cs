using System.Globalization;
using System.Text.RegularExpressions;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime;

/// <summary>Turns a <see cref="DateTimeValue"/> into the flat string dictionaries of a datetimeV2 resolution.</summary>
internal static partial class DateTimeResolutionFormatter
{
    public static List<IReadOnlyDictionary<string, string>> ToValues(DateTimeValue value)
    {
        var list = new List<IReadOnlyDictionary<string, string>>();
        AddReadings(list, value);
        if (value.AmPmAmbiguous)
        {
            AddReadings(list, ShiftToPm(value));
        }

        return list;
    }

    private static void AddReadings(List<IReadOnlyDictionary<string, string>> list, DateTimeValue v)
    {
        var samePast = v.PastStart == v.FutureStart && v.PastEnd == v.FutureEnd;
        if (!samePast && (v.PastStart is not null || v.PastEnd is not null))
        {
            list.Add(Entry(v, v.PastStart, v.PastEnd));
        }

        list.Add(Entry(v, v.FutureStart, v.FutureEnd));
    }

    private static Dictionary<string, string> Entry(DateTimeValue v, DateObject? start, DateObject? end)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal) { ["timex"] = v.Timex };
        if (v.Mod is not null)
        {
            d["Mod"] = v.Mod;
        }

        // An approximate point is reported as a range type around that point, as upstream does.
        d["type"] = v.Mod == "approx" && !IsRange(v.Type) ? v.Type + "range" : v.Type;
        if (v.Value is not null)
        {
            d["value"] = v.Value;
        }
        else if (IsRange(v.Type))
        {
            if (start is { } s)
            {
                d["start"] = Format(v.Type, s);
            }

            if (end is { } e)
            {
                d["end"] = Format(v.Type, e);
            }
        }
        else if (start is { } p)
        {
            d["value"] = Format(v.Type, p);
        }

        if (v.SourceEntity is not null)
        {
            d["sourceEntity"] = v.SourceEntity;
        }

        if (v.List is not null)
        {
            d["list"] = v.List;
        }

        return d;
    }

    private static bool IsRange(string type) =>
        type is DateTimeTypes.DateRange or DateTimeTypes.TimeRange or DateTimeTypes.DateTimeRange;

    public static string Format(string type, DateObject d) => type switch
    {
        DateTimeTypes.Date or DateTimeTypes.DateRange => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeTypes.Time or DateTimeTypes.TimeRange => d.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        _ => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    };

    private static DateTimeValue ShiftToPm(DateTimeValue v) => v with
    {
        Timex = TimexHourRegex().Replace(v.Timex, m =>
        {
            var h = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return h < 12 ? "T" + (h + 12).ToString("00", CultureInfo.InvariantCulture) : h == 12 ? "T00" : m.Value;
        }),
        FutureStart = Shift(v.FutureStart),
        FutureEnd = Shift(v.FutureEnd),
        PastStart = Shift(v.PastStart),
        PastEnd = Shift(v.PastEnd),
        AmPmAmbiguous = false,
    };

    private static DateObject? Shift(DateObject? d) => d is { } x ? (x.Hour == 12 ? x.AddHours(-12) : x.AddHours(12)) : null;

    [GeneratedRegex(@"T(\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex TimexHourRegex();
}
