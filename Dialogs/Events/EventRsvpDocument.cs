using AuthorBot.BotFramework.State;

namespace AuthorBot.Dialogs.Events;

/// <summary>
/// One event's seats and waiting list, stored as a single document so a seat is taken by one ETag-checked write:
/// two readers racing for the last seat cannot both get it.
/// </summary>
internal sealed class EventRsvpDocument : IStoreItem
{
    public List<RsvpEntry> Attendees { get; set; } = [];

    /// <summary>Readers waiting for a seat, first come first served.</summary>
    public List<RsvpEntry> Waiting { get; set; } = [];

    /// <inheritdoc />
    public string? ETag { get; set; }
}
