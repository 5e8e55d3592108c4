using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Events;

/// <summary>
/// Told after a reader newly takes a seat or a waiting-list place, so the host can act on it (the bot credits the RSVP
/// to an announcement the reader was sent) without the dialogs knowing about announcements. Asking again, cancelling
/// and a promotion from the waiting list are not new RSVPs and are not reported.
/// </summary>
public interface IRsvpListener
{
    /// <summary>Called after the RSVP is stored; the RSVP stands whatever the listener does, so it should not throw.</summary>
    /// <param name="eventId">The event's id.</param>
    /// <param name="reader">The reader who RSVPed.</param>
    /// <param name="status">Attending or waiting.</param>
    /// <param name="at">When the RSVP was taken.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the listener is done.</returns>
    Task OnRsvpAsync(string eventId, ReaderKey reader, RsvpStatus status, DateTimeOffset at, CancellationToken cancellationToken);
}
