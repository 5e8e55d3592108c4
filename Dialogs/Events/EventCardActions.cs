using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Preferences;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Events;

/// <summary>
/// RSVP and cancel pressed on an event card (Action.Execute): does it and answers with the refreshed card ("You're in,
/// 12 seats left"). Pressing again changes nothing and shows the same card; a card for an event that is gone or has
/// started gets a polite line instead.
/// </summary>
/// <param name="state">The shared state accessors (the reader's time zone).</param>
/// <param name="content">The author's events.</param>
/// <param name="rsvps">Seats, waiting lists and reminders.</param>
/// <param name="clock">The clock.</param>
public sealed class EventCardActions(ReaderStateAccessors state, AuthorContent content, EventRsvpService rsvps, TimeProvider clock) : ICardActionHandler
{
    /// <inheritdoc />
    public bool Handles(string verb) => verb is EventCards.RsvpVerb or EventCards.CancelVerb;

    /// <inheritdoc />
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(ITurnContext turnContext, AdaptiveCardInvokeAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(action);
        var authorEvent = content.FindEvent(CardSubmit.Text(action.Data, EventCards.EventIdProperty));
        if (authorEvent is null)
        {
            return CardActionResponses.Message("I can't find that event any more. Say \"events\" to see what's coming up.");
        }

        if (authorEvent.StartsAt <= clock.GetUtcNow())
        {
            return CardActionResponses.Message($"{authorEvent.Title} has already started, so its RSVPs are closed. Say \"events\" to see what's next.");
        }

        var reader = TurnReader.Of(turnContext);
        var profile = await state.Profile.GetAsync(turnContext, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var (zone, _) = ReaderTime.ZoneFor(profile.TimeZone, content.TimeZone);
        RsvpChange change;
        string note;
        if (action.Verb == EventCards.RsvpVerb)
        {
            change = await rsvps.RsvpAsync(authorEvent, reader, zone, profile.Locale, cancellationToken).ConfigureAwait(false);
            note = (change.Before, change.After.Status) switch
            {
                (RsvpStatus.Attending, _) => "You already had a seat.",
                (RsvpStatus.Waiting, _) => "You're already on the waiting list.",
                (_, RsvpStatus.Attending) when change.RemindersScheduled => "I'll remind you 24 hours and 1 hour before.",
                (_, RsvpStatus.Attending) => "I can't send reminders from here, so please add it to your calendar.",
                _ => "If a seat opens up, it's yours and I'll message you.",
            };
        }
        else
        {
            change = await rsvps.CancelAsync(authorEvent, reader, cancellationToken).ConfigureAwait(false);
            note = change.Before switch
            {
                RsvpStatus.Attending => "Your seat is cancelled, and so are its reminders.",
                RsvpStatus.Waiting => "You've left the waiting list.",
                _ => "You weren't signed up, so there was nothing to cancel.",
            };
        }

        return CardActionResponses.Card(EventCards.Card(authorEvent, change.After, zone, note, profile.Locale));
    }
}
