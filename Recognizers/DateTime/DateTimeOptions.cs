namespace AuthorBot.Recognizers.DateTime;

/// <summary>Behaviour switches of the date-time model, named after the Recognizers-Text options.</summary>
[Flags]
public enum DateTimeOptions
{
    /// <summary>Default behaviour.</summary>
    None = 0,

    /// <summary>A date-time is returned as a separate date and time.</summary>
    SplitDateAndTime = 1,

    /// <summary>Calendar-oriented resolution.</summary>
    CalendarMode = 2,

    /// <summary>Adds alternative types (datetimealt).</summary>
    ExtendedTypes = 4,

    /// <summary>Preview features (time zones).</summary>
    EnablePreview = 8,

    /// <summary>Experimental features.</summary>
    ExperimentalMode = 16,

    /// <summary>Task-oriented resolution.</summary>
    TasksMode = 32,
}
