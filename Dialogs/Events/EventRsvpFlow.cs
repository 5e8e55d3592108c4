using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Events;

/// <summary>Offers the author's events in the menu and starts on "events", "rsvp", "webinar", "signing".</summary>
/// <param name="dialog">The RSVP dialog.</param>
public sealed partial class EventRsvpFlow(EventRsvpDialog dialog) : IReaderFlow
{
    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "Events and RSVPs";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["events", "event", "rsvp", "webinar", "signing"];

    /// <inheritdoc />
    public int Order => 40;

    /// <inheritdoc />
    public bool Matches(string normalizedText) => EventsPattern().IsMatch(normalizedText ?? string.Empty);

    [GeneratedRegex(@"\b(events?|rsvp|webinars?|signings?|book signing|launch party|my seat|waiting list|add to (my )?calendar)\b")]
    private static partial Regex EventsPattern();
}
