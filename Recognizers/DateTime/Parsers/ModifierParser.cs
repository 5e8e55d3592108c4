using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime.Parsers;

/// <summary>Applies before/after/since/until/approx to a parsed value, turning points into open ranges.</summary>
internal static class ModifierParser
{
    public static DateTimeValue? Apply(string kind, DateTimeValue v)
    {
        if (kind == "approx")
        {
            return v.Type is DateTimeTypes.Date or DateTimeTypes.Time or DateTimeTypes.DateTime && v.Mod is null ? v with { Mod = "approx" } : null;
        }

        if (v.Value is not null && v.Type != DateTimeTypes.Duration)
        {
            return null;
        }

        var rangeType = v.Type switch
        {
            DateTimeTypes.Date or DateTimeTypes.DateRange => DateTimeTypes.DateRange,
            DateTimeTypes.Time or DateTimeTypes.TimeRange => DateTimeTypes.TimeRange,
            DateTimeTypes.DateTime or DateTimeTypes.DateTimeRange => DateTimeTypes.DateTimeRange,
            _ => null,
        };
        if (rangeType is null || v.FutureStart is null || (v.Mod is not null and not ("start" or "mid" or "end" or "approx")))
        {
            return null;
        }

        var isPoint = v.Type is DateTimeTypes.Date or DateTimeTypes.Time or DateTimeTypes.DateTime;
        var source = isPoint ? "datetimepoint" : "datetimerange";
        var inner = v.Mod;
        var mod = inner is null ? kind : kind + "-" + inner;
        if (inner is not null && kind == "until")
        {
            mod = "before-" + inner;
        }

        (DateObject? Start, DateObject? End) Ends(DateObject? s, DateObject? e)
        {
            if (isPoint)
            {
                return kind is "since" or "after" ? (s, null) : (null, s);
            }

            return (kind, inner) switch
            {
                ("since", _) => (s, null),
                ("after", "start") => (s, null),
                ("after", _) => (e, null),
                ("before", "end") => (null, e),
                ("before", _) => (null, s),
                ("until", _) => (null, e),
                _ => (null, null),
            };
        }

        var (fs, fe) = Ends(v.FutureStart, v.FutureEnd);
        var (ps, pe) = Ends(v.PastStart ?? v.FutureStart, v.PastEnd ?? v.FutureEnd);
        return new DateTimeValue
        {
            Type = rangeType,
            Timex = v.Timex,
            Mod = mod,
            FutureStart = fs,
            FutureEnd = fe,
            PastStart = ps,
            PastEnd = pe,
            SourceEntity = source,
            AmPmAmbiguous = v.AmPmAmbiguous,
        };
    }
}
