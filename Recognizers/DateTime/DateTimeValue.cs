using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime;

/// <summary>
/// The parsed meaning of one date-time span: its TIMEX and its past and future readings. Point types keep
/// their value in <see cref="FutureStart"/> / <see cref="PastStart"/>; range types use both ends.
/// </summary>
internal sealed record DateTimeValue
{
    public required string Type { get; init; }

    public required string Timex { get; init; }

    public DateObject? FutureStart { get; init; }

    public DateObject? FutureEnd { get; init; }

    public DateObject? PastStart { get; init; }

    public DateObject? PastEnd { get; init; }

    public string? Mod { get; init; }

    public string? SourceEntity { get; init; }

    /// <summary>Gets a value indicating whether an hour was given without am/pm, so a PM reading follows the AM one.</summary>
    public bool AmPmAmbiguous { get; init; }

    /// <summary>Gets an explicit value string (duration seconds, "not resolved").</summary>
    public string? Value { get; init; }

    public string? List { get; init; }

    /// <summary>Gets a value indicating whether this date came from a holiday name; upstream never joins those with a time.</summary>
    public bool IsHoliday { get; init; }

    /// <summary>Gets a value indicating whether this date was reached by shifting by a duration ("in 3 days", "2 weeks from now").</summary>
    public bool IsShifted { get; init; }

    /// <summary>Gets the date a shifted date was counted from ("today" in "2 weeks before today").</summary>
    public DateObject? ShiftAnchor { get; init; }

    /// <summary>Gets the TIMEX duration of the shift ("P2W").</summary>
    public string? ShiftTimex { get; init; }

    /// <summary>Gets the duration in seconds when this value is a duration (used by composites).</summary>
    public double DurationSeconds { get; init; }

    public static DateTimeValue Point(string type, string timex, DateObject future, DateObject past) =>
        new() { Type = type, Timex = timex, FutureStart = future, PastStart = past };

    public static DateTimeValue Point(string type, string timex, DateObject value) => Point(type, timex, value, value);

    public static DateTimeValue Range(string type, string timex, DateObject futureStart, DateObject futureEnd, DateObject pastStart, DateObject pastEnd) =>
        new() { Type = type, Timex = timex, FutureStart = futureStart, FutureEnd = futureEnd, PastStart = pastStart, PastEnd = pastEnd };

    public static DateTimeValue Range(string type, string timex, DateObject start, DateObject end) => Range(type, timex, start, end, start, end);
}
