namespace AuthorBot.Dialogs.Events;

/// <summary>One reader's place in an event's list of attendees or waiting list.</summary>
internal sealed class RsvpEntry
{
    public string ChannelId { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    /// <summary>When the reader RSVP'd (for the waiting list: when they joined it, which sets their turn).</summary>
    public DateTimeOffset At { get; set; }

    public bool Is(Profile.ReaderKey reader) =>
        string.Equals(ChannelId, reader.ChannelId, StringComparison.Ordinal) && string.Equals(UserId, reader.UserId, StringComparison.Ordinal);

    public Profile.ReaderKey Key => new(ChannelId, UserId);
}
