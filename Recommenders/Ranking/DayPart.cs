namespace AuthorBot.Recommenders.Ranking;

/// <summary>The four parts of a day that context-aware popularity distinguishes.</summary>
public enum DayPart
{
    /// <summary>00:00–05:59.</summary>
    Night,

    /// <summary>06:00–11:59.</summary>
    Morning,

    /// <summary>12:00–17:59.</summary>
    Afternoon,

    /// <summary>18:00–23:59.</summary>
    Evening,
}

/// <summary>Maps a local time to its <see cref="DayPart"/>.</summary>
public static class DayParts
{
    /// <summary>Number of day parts.</summary>
    public const int Count = 4;

    /// <summary>The part of the day a local time falls in.</summary>
    public static DayPart Of(DateTimeOffset localTime) => (DayPart)(localTime.Hour / 6);
}
