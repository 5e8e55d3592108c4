using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Reminders;

/// <summary>The reminder ids flows use, built in one place so scheduling and cancelling always agree.</summary>
public static class ReminderIds
{
    /// <summary>The launch-day reminder for a book.</summary>
    /// <param name="bookId">The book.</param>
    /// <param name="reader">The reader.</param>
    /// <returns>The id.</returns>
    public static string Launch(string bookId, ReaderKey reader) => $"launch:{bookId}:{Suffix(reader)}";

    /// <summary>A reminder some time before an event.</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="lead">"24h" or "1h".</param>
    /// <param name="reader">The reader.</param>
    /// <returns>The id.</returns>
    public static string Event(string eventId, string lead, ReaderKey reader) => $"event:{eventId}:{lead}:{Suffix(reader)}";

    /// <summary>The message telling a waiting reader that a seat opened up.</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="reader">The reader.</param>
    /// <returns>The id.</returns>
    public static string SeatOpened(string eventId, ReaderKey reader) => $"event:{eventId}:seat:{Suffix(reader)}";

    private static string Suffix(ReaderKey reader) => $"{reader.ChannelId}:{reader.UserId}";
}
