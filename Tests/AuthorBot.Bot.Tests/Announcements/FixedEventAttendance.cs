using AuthorBot.Dialogs.Events;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Announcements;

/// <summary>An attendee list for one event, standing in for the RSVP store in audience tests.</summary>
internal sealed class FixedEventAttendance(string eventId, params ReaderKey[] attendees) : IEventAttendance
{
    public Task<IReadOnlyList<ReaderKey>> GetAttendeesAsync(string eventId1, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReaderKey>>(eventId1 == eventId ? attendees : []);
}
