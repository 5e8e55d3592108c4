using AuthorBot.Dialogs.Events;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Credits a reader's new RSVP to the announcement they were sent in the past 24 hours (and so to its variant). The seat
/// is already booked when this runs: a database failure is logged and never fails the reader's turn.
/// </summary>
internal sealed partial class AnnouncementRsvpListener(AnnouncementEngagementStore store, ILogger<AnnouncementRsvpListener> logger) : IRsvpListener
{
    public async Task OnRsvpAsync(string eventId, ReaderKey reader, RsvpStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordRsvpAsync(reader, eventId, at, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCreditFailed(ex, eventId, reader.ChannelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not credit an RSVP for {EventId} on {ChannelId} to an announcement; its results will miss it")]
    private partial void LogCreditFailed(Exception exception, string eventId, string channelId);
}
