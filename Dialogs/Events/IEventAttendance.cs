using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Events;

/// <summary>Who is coming to an event; announcements use it as an audience ("readers who RSVP'd").</summary>
public interface IEventAttendance
{
    /// <summary>Readers holding a seat (not the waiting list), in the order they RSVP'd.</summary>
    /// <param name="eventId">The event's id from the author's content.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The readers; empty for an unknown event or one nobody RSVP'd to.</returns>
    Task<IReadOnlyList<ReaderKey>> GetAttendeesAsync(string eventId, CancellationToken cancellationToken);
}
