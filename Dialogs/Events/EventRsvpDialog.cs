using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Preferences;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;
using NodaTime;

namespace AuthorBot.Dialogs.Events;

/// <summary>
/// Lists the author's upcoming events with seats left and the reader's standing, then lets them RSVP (or join the
/// waiting list), cancel, or get an .ics file for their calendar. In Teams each event is an Adaptive Card whose buttons
/// do all of that in place (<see cref="EventCardActions"/>), so the flow ends with the cards.
/// </summary>
public sealed class EventRsvpDialog : ComponentDialog
{
    /// <summary>Takes a seat (or a waiting-list place).</summary>
    public const string RsvpChoice = "RSVP";

    /// <summary>Gives up a seat.</summary>
    public const string CancelSeatChoice = "Cancel my RSVP";

    /// <summary>Leaves the waiting list.</summary>
    public const string LeaveWaitingChoice = "Leave the waiting list";

    /// <summary>Sends the .ics file.</summary>
    public const string CalendarChoice = "Add to calendar";

    /// <summary>Ends the flow.</summary>
    public const string DoneChoice = "Done";

    private const string EventPrompt = "events.which";
    private const string ActionPrompt = "events.action";
    private const string EventKey = "eventId";

    private readonly ReaderStateAccessors _state;
    private readonly AuthorContent _content;
    private readonly EventRsvpService _rsvps;
    private readonly TimeProvider _clock;

    /// <summary>Creates the dialog.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="content">The author's events.</param>
    /// <param name="rsvps">Seats, waiting lists and reminders.</param>
    /// <param name="clock">The clock.</param>
    public EventRsvpDialog(ReaderStateAccessors state, AuthorContent content, EventRsvpService rsvps, TimeProvider clock)
        : base(nameof(EventRsvpDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _rsvps = rsvps ?? throw new ArgumentNullException(nameof(rsvps));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        AddDialog(new WaterfallDialog(nameof(EventRsvpDialog) + ".steps", [ListEventsAsync, AskActionAsync, ActAsync]));
        AddDialog(new ChoicePrompt(EventPrompt) { Style = ListStyle.SuggestedAction });
        AddDialog(new ChoicePrompt(ActionPrompt) { Style = ListStyle.SuggestedAction });
        InitialDialogId = nameof(EventRsvpDialog) + ".steps";
    }

    private async Task<DialogTurnResult> ListEventsAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var events = _content.UpcomingEvents(_clock.GetUtcNow());
        if (events.Count == 0)
        {
            await step.Context.SendActivityAsync($"{_content.AuthorName} has no events coming up right now.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var (zone, fallback, locale) = await ZoneAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var reader = TurnReader.Of(step.Context);
        var zoneNote = fallback ? $" Times are {_content.AuthorName}'s, {ReaderTime.ZoneName(zone, NodaTime.Instant.FromDateTimeOffset(events[0].StartsAt))}, because I don't know your time zone; say \"preferences\" to set it." : string.Empty;
        if (Channel.SupportsAdaptiveCardExecute(step.Context.Activity.ChannelId))
        {
            // One card per message: an RSVP answer replaces the whole card of its message, and the buttons do the rest,
            // so no question follows.
            var messages = new List<Activity>(events.Count + 1) { MessageFactory.Text($"Here's what's coming up with {_content.AuthorName}. Tap RSVP on an event to book a seat.{zoneNote}") };
            foreach (var authorEvent in events)
            {
                var standing = await _rsvps.GetStandingAsync(authorEvent, reader, cancellationToken).ConfigureAwait(false);
                messages.Add(MessageFactory.Attachment(AdaptiveCards.ToAttachment(EventCards.Card(authorEvent, standing, zone, locale: locale))));
            }

            await step.Context.SendActivitiesAsync([.. messages], cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var cards = new List<Attachment>(events.Count);
        foreach (var authorEvent in events)
        {
            var standing = await _rsvps.GetStandingAsync(authorEvent, reader, cancellationToken).ConfigureAwait(false);
            cards.Add(new HeroCard
            {
                Title = authorEvent.Title,
                Subtitle = ReaderTime.Format(authorEvent.StartsAt, zone, locale) + (authorEvent.Venue is { } venue ? $" · {venue}" : " · online"),
                Text = Describe(standing),
                Buttons = [new CardAction(ActionTypes.OpenUrl, "Event page", authorEvent.Link.AbsoluteUri)],
            }.ToAttachment());
        }

        var intro = $"Here's what's coming up with {_content.AuthorName}." + zoneNote;
        await step.Context.SendActivityAsync(MessageFactory.Carousel(cards, intro), cancellationToken).ConfigureAwait(false);
        var choices = events.Select(e => new Choice(e.Title) { Synonyms = Synonyms(e, events.Count(other => other.Kind == e.Kind) == 1) }).ToList();
        choices.Add(new Choice(DoneChoice) { Synonyms = ["none", "no", "nothing", "no thanks", "not now"] });
        return await step.PromptAsync(EventPrompt, new PromptOptions
        {
            Prompt = Replies.Question("Which event would you like?"),
            RetryPrompt = Replies.Question("Please pick one of the events, or \"Done\"."),
            Choices = choices,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskActionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var authorEvent = step.Result is FoundChoice found ? _content.Events.FirstOrDefault(e => e.Title == found.Value) : null;
        if (authorEvent is null)
        {
            return await FinishAsync(step, step.Result is NoAnswer, cancellationToken).ConfigureAwait(false);
        }

        step.Values[EventKey] = authorEvent.Id;
        var standing = await _rsvps.GetStandingAsync(authorEvent, TurnReader.Of(step.Context), cancellationToken).ConfigureAwait(false);
        var first = standing.Status switch
        {
            RsvpStatus.Attending => new Choice(CancelSeatChoice) { Synonyms = ["cancel my seat", "cancel rsvp", "i can't come", "i cant come", "not coming", "give up my seat"] },
            RsvpStatus.Waiting => new Choice(LeaveWaitingChoice) { Synonyms = ["leave", "leave the list", "remove me", "cancel my rsvp", "cancel rsvp"] },
            _ => new Choice(RsvpChoice) { Synonyms = ["rsvp", "book a seat", "reserve", "i'm coming", "count me in", "yes", "join", "sign me up"] },
        };
        var question = standing.Status switch
        {
            RsvpStatus.Attending => $"You have a seat for {authorEvent.Title}. What would you like to do?",
            RsvpStatus.Waiting => $"You're number {standing.WaitingPosition} on the waiting list for {authorEvent.Title}. What would you like to do?",
            _ when standing.SeatsLeft == 0 => $"{authorEvent.Title} is full, but you can join the waiting list: if a seat opens up, it's yours. What would you like to do?",
            _ => $"{authorEvent.Title} has {standing.SeatsLeft} seat{(standing.SeatsLeft == 1 ? string.Empty : "s")} left. What would you like to do?",
        };
        return await step.PromptAsync(ActionPrompt, new PromptOptions
        {
            Prompt = Replies.Question(question),
            RetryPrompt = Replies.Question($"Please choose \"{first.Value}\", \"{CalendarChoice}\" or \"{DoneChoice}\"."),
            Choices =
            [
                first,
                new Choice(CalendarChoice) { Synonyms = ["calendar", "ics", "add it to my calendar", "save the date"] },
                new Choice(DoneChoice) { Synonyms = ["no", "nothing", "back", "no thanks"] },
            ],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var authorEvent = _content.FindEvent(step.Values.GetValue<string>(EventKey));
        var choice = (step.Result as FoundChoice)?.Value;
        if (authorEvent is null || choice is null or DoneChoice)
        {
            return await FinishAsync(step, step.Result is NoAnswer, cancellationToken).ConfigureAwait(false);
        }

        var reader = TurnReader.Of(step.Context);
        var calendar = IcsCalendar.ToAttachment(authorEvent, _content.AuthorName, _clock.GetUtcNow());
        Activity reply;
        switch (choice)
        {
            case RsvpChoice:
                var (zone, _, locale) = await ZoneAsync(step.Context, cancellationToken).ConfigureAwait(false);
                var change = await _rsvps.RsvpAsync(authorEvent, reader, zone, locale, cancellationToken).ConfigureAwait(false);
                reply = change.After.Status == RsvpStatus.Attending
                    ? MessageFactory.Attachment(calendar, $"You're in! Your seat for {authorEvent.Title}, {ReaderTime.Format(authorEvent.StartsAt, zone, locale)}, is booked. "
                        + (change.RemindersScheduled
                            ? "I'll remind you 24 hours and 1 hour before. Here's a calendar file too."
                            : "I can't send reminders from here, so please add this calendar file."))
                    : MessageFactory.Text($"{authorEvent.Title} is full, so you're number {change.After.WaitingPosition} on the waiting list. "
                        + "If a seat opens up, it's yours and I'll message you.");
                break;
            case CancelSeatChoice or LeaveWaitingChoice:
                var cancelled = await _rsvps.CancelAsync(authorEvent, reader, cancellationToken).ConfigureAwait(false);
                reply = MessageFactory.Text(cancelled.Before switch
                {
                    RsvpStatus.Attending => $"Done: your seat for {authorEvent.Title} is cancelled, and so are its reminders.",
                    RsvpStatus.Waiting => $"Done: you've left the waiting list for {authorEvent.Title}.",
                    _ => $"You weren't signed up for {authorEvent.Title}, so there was nothing to cancel.",
                });
                break;
            default:
                reply = MessageFactory.Attachment(calendar, $"Here's {authorEvent.Title} for your calendar.");
                break;
        }

        await step.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, bool gaveUp, CancellationToken cancellationToken)
    {
        var text = gaveUp
            ? "Let's leave events for now. Say \"events\" whenever you'd like to see them again."
            : "Okay. Say \"events\" whenever you'd like to see them again.";
        await step.Context.SendActivityAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(DateTimeZone Zone, bool IsFallback, string? Locale)> ZoneAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(turnContext, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var (zone, fallback) = ReaderTime.ZoneFor(profile.TimeZone, _content.TimeZone);
        return (zone, fallback, profile.Locale);
    }

    private static string Describe(RsvpStanding standing) => standing.Status switch
    {
        RsvpStatus.Attending => "You're going.",
        RsvpStatus.Waiting => $"You're number {standing.WaitingPosition} on the waiting list.",
        _ when standing.SeatsLeft == 0 => "Full: waiting list open.",
        _ => $"{standing.SeatsLeft} seat{(standing.SeatsLeft == 1 ? string.Empty : "s")} left.",
    };

    private static List<string> Synonyms(AuthorEvent authorEvent, bool onlyOfItsKind)
    {
        var words = new List<string> { authorEvent.Id.Replace('-', ' ') };
        if (!onlyOfItsKind)
        {
            // "the signing" cannot choose between two signings; the reader names it or picks a button.
            return words;
        }

        words.AddRange(authorEvent.Kind switch
        {
            EventKind.Launch => ["launch party", "launch", "party"],
            EventKind.Webinar => ["webinar", "online talk", "talk"],
            _ => ["signing", "book signing"],
        });
        return words;
    }
}
