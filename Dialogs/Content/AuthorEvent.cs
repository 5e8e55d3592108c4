namespace AuthorBot.Dialogs.Content;

/// <summary>An event readers can RSVP to.</summary>
/// <param name="Id">A stable id (lower-case letters, digits and hyphens).</param>
/// <param name="Kind">Launch party, webinar or signing.</param>
/// <param name="Title">The title.</param>
/// <param name="BookId">The book it is about, if any.</param>
/// <param name="StartsAt">The start instant.</param>
/// <param name="TimeZone">The IANA time zone the author gave the start time in.</param>
/// <param name="Duration">How long it lasts.</param>
/// <param name="Link">The event page or the webinar link.</param>
/// <param name="Venue">Where it happens in person, if anywhere.</param>
/// <param name="Capacity">How many seats there are.</param>
public sealed record AuthorEvent(
    string Id,
    EventKind Kind,
    string Title,
    string? BookId,
    DateTimeOffset StartsAt,
    string TimeZone,
    TimeSpan Duration,
    Uri Link,
    string? Venue,
    int Capacity)
{
    /// <summary>When the event ends.</summary>
    public DateTimeOffset EndsAt => StartsAt + Duration;
}
