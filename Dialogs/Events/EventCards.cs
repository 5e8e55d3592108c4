using System.Globalization;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Preferences;
using NodaTime;

namespace AuthorBot.Dialogs.Events;

/// <summary>
/// An event as an Adaptive Card for Teams: title, date in the reader's zone, place, seats left and the reader's
/// standing, with RSVP / cancel as Action.Execute (the answer replaces the card in place), an Outlook "add to calendar"
/// link and the event page.
/// </summary>
internal static class EventCards
{
    /// <summary>Takes a seat or a waiting-list place.</summary>
    public const string RsvpVerb = "rsvp";

    /// <summary>Gives the seat or the waiting-list place up.</summary>
    public const string CancelVerb = "cancelRsvp";

    /// <summary>The Execute data property naming the event.</summary>
    public const string EventIdProperty = "eventId";

    /// <summary>The card.</summary>
    /// <param name="authorEvent">The event.</param>
    /// <param name="standing">Seats left and where the reader stands.</param>
    /// <param name="zone">The reader's time zone.</param>
    /// <param name="note">What just happened, shown under the standing ("I'll remind you ...").</param>
    /// <param name="locale">The reader's locale, which picks the clock.</param>
    /// <returns>The card.</returns>
    public static JsonObject Card(AuthorEvent authorEvent, RsvpStanding standing, DateTimeZone zone, string? note = null, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(authorEvent);
        ArgumentNullException.ThrowIfNull(standing);
        var when = ReaderTime.Format(authorEvent.StartsAt, zone, locale);
        var where = authorEvent.Venue ?? "Online";
        var status = Status(standing);
        List<JsonNode> body =
        [
            AdaptiveCards.TextBlock(authorEvent.Title, size: "medium", weight: "bolder"),
            AdaptiveCards.TextBlock(when, subtle: true),
            AdaptiveCards.TextBlock(where, subtle: true),
            AdaptiveCards.TextBlock(status, weight: "bolder", color: standing.Status == RsvpStatus.Attending ? "good" : null),
        ];
        if (!string.IsNullOrEmpty(note))
        {
            body.Add(AdaptiveCards.TextBlock(note));
        }

        var data = new JsonObject { [EventIdProperty] = authorEvent.Id };
        var primary = standing.Status switch
        {
            RsvpStatus.Attending => AdaptiveCards.Execute("Cancel my RSVP", CancelVerb, data, style: "destructive"),
            RsvpStatus.Waiting => AdaptiveCards.Execute("Leave the waiting list", CancelVerb, data),
            _ when standing.SeatsLeft == 0 => AdaptiveCards.Execute("Join the waiting list", RsvpVerb, data, style: "positive"),
            _ => AdaptiveCards.Execute("RSVP", RsvpVerb, data, style: "positive"),
        };
        JsonNode[] actions =
        [
            primary,
            AdaptiveCards.OpenUrl("Add to calendar", OutlookCalendarLink(authorEvent)),
            AdaptiveCards.OpenUrl("Event page", authorEvent.Link.AbsoluteUri),
        ];
        return AdaptiveCards.Card(body, actions, $"{authorEvent.Title}: {when}, {where}. {status}");
    }

    /// <summary>"You're in, 12 seats left.", "You're number 2 on the waiting list.", "40 seats left."</summary>
    public static string Status(RsvpStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return standing.Status switch
        {
            RsvpStatus.Attending => $"You're in, {Seats(standing.SeatsLeft)} left.",
            RsvpStatus.Waiting => $"You're number {standing.WaitingPosition} on the waiting list.",
            _ when standing.SeatsLeft == 0 => "Full: the waiting list is open.",
            _ => $"{Seats(standing.SeatsLeft)} left.",
        };
    }

    // Teams readers have Microsoft 365 calendars: Outlook's compose link opens the event filled in, with nothing to
    // download (a bot cannot send a Teams channel a file without a consent card).
    private static string OutlookCalendarLink(AuthorEvent authorEvent)
    {
        static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var query = string.Join('&', new[]
        {
            ("path", "/calendar/action/compose"),
            ("rru", "addevent"),
            ("subject", authorEvent.Title),
            ("startdt", Iso(authorEvent.StartsAt)),
            ("enddt", Iso(authorEvent.EndsAt)),
            ("location", authorEvent.Venue ?? authorEvent.Link.AbsoluteUri),
            ("body", authorEvent.Link.AbsoluteUri),
        }.Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2)));
        return "https://outlook.office.com/calendar/0/deeplink/compose?" + query;
    }

    private static string Seats(int count) => count == 1 ? "1 seat" : $"{count.ToString(CultureInfo.InvariantCulture)} seats";
}
