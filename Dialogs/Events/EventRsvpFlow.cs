using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Events;

/// <summary>Offers the author's events in the menu and starts on "events", "rsvp", "webinar", "signing".</summary>
/// <param name="dialog">The RSVP dialog.</param>
public sealed class EventRsvpFlow(EventRsvpDialog dialog) : IReaderFlow
{
    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "Events and RSVPs";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["events", "event", "rsvp", "webinar", "signing"];

    /// <inheritdoc />
    public string Intent => ReaderIntents.Events;

    /// <inheritdoc />
    public string SwitchPhrase => "look at events";

    /// <inheritdoc />
    public int Order => 40;
}
