namespace AuthorBot.Dialogs.Profile;

/// <summary>How and when a reader agreed to be contacted; announcements honour these before anything else.</summary>
public sealed class ReaderPreferences
{
    /// <summary>True once the reader said "stop": no announcements at all, whatever else is set.</summary>
    public bool AnnouncementsOptOut { get; set; }

    /// <summary>First local hour (0-23) of the reader's quiet time; null when they have none.</summary>
    public int? QuietHoursStart { get; set; }

    /// <summary>Local hour (0-23, exclusive) when quiet time ends; may be earlier than the start, wrapping midnight.</summary>
    public int? QuietHoursEnd { get; set; }

    /// <summary>How many announcements the reader accepts in any seven days.</summary>
    public int MaxAnnouncementsPerWeek { get; set; } = 3;
}
