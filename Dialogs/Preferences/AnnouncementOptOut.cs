using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Preferences;

/// <summary>"stop" and its undo: whether the reader receives announcements at all.</summary>
public static class AnnouncementOptOut
{
    /// <summary>Stops announcements; returns what to tell the reader.</summary>
    /// <param name="profile">The reader's profile.</param>
    /// <returns>The message.</returns>
    public static string Stop(ReaderProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var already = profile.Preferences.AnnouncementsOptOut;
        profile.Preferences.AnnouncementsOptOut = true;
        return already
            ? "Announcements are already off; I won't send you any. Say \"preferences\" to turn them back on."
            : "Okay, I'll stop: no more announcements from me. Reminders you asked for still come. Say \"preferences\" to turn announcements back on.";
    }

    /// <summary>Turns announcements back on; returns what to tell the reader.</summary>
    /// <param name="profile">The reader's profile.</param>
    /// <returns>The message.</returns>
    public static string Resume(ReaderProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.Preferences.AnnouncementsOptOut = false;
        return $"Announcements are back on, at most {Frequency(profile.Preferences.MaxAnnouncementsPerWeek)}.";
    }

    /// <summary>"3 a week", "1 a week".</summary>
    /// <param name="perWeek">The weekly cap.</param>
    /// <returns>The text.</returns>
    public static string Frequency(int perWeek) => perWeek == 1 ? "once a week" : $"{perWeek} a week";
}
