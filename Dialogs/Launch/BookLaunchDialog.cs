using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Preferences;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Reminders;

namespace AuthorBot.Dialogs.Launch;

/// <summary>
/// Shows the author's next book: blurb, launch date in the reader's time zone (UTC, said so, when unknown),
/// pre-order buttons and a sample chapter; offers a launch-day reminder sent proactively.
/// </summary>
public sealed class BookLaunchDialog : ComponentDialog
{
    /// <summary>The choice that asks for a launch-day reminder.</summary>
    public const string RemindChoice = "Remind me on launch day";

    /// <summary>The choice that declines it.</summary>
    public const string NoThanksChoice = "No thanks";

    private const string ReminderPrompt = "launch.reminder";
    private const string BookKey = "bookId";

    private readonly ReaderStateAccessors _state;
    private readonly AuthorContent _content;
    private readonly IReminderScheduler _reminders;
    private readonly TimeProvider _clock;

    /// <summary>Creates the dialog.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="content">The author's books.</param>
    /// <param name="reminders">Sends the launch-day reminder.</param>
    /// <param name="clock">The clock.</param>
    public BookLaunchDialog(ReaderStateAccessors state, AuthorContent content, IReminderScheduler reminders, TimeProvider clock)
        : base(nameof(BookLaunchDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _reminders = reminders ?? throw new ArgumentNullException(nameof(reminders));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        AddDialog(new WaterfallDialog(nameof(BookLaunchDialog) + ".steps", [ShowBookAsync, RemindAsync]));
        AddDialog(new ChoicePrompt(ReminderPrompt) { Style = ListStyle.SuggestedAction });
        InitialDialogId = nameof(BookLaunchDialog) + ".steps";
    }

    private async Task<DialogTurnResult> ShowBookAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_content.NextLaunch(now) is not { Launch: { } launch } book)
        {
            var latest = _content.Books.Where(b => b.PublishedOn is not null).MaxBy(b => b.PublishedOn);
            var text = latest is null
                ? $"{_content.AuthorName} hasn't announced a new book yet. I'll let you know when there's news."
                : $"{_content.AuthorName} hasn't announced a new book yet. The latest is {latest.Title}: {latest.Blurb}";
            await step.Context.SendActivityAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        step.Values[BookKey] = book.Id;
        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var (zone, fallback) = ReaderTime.ZoneFor(profile.TimeZone, _content.TimeZone);
        var when = ReaderTime.Format(launch.At, zone, profile.Locale);
        var links = book.PreOrderLinks.Select(l => ($"Pre-order: {l.Store}", l.Url.AbsoluteUri)).ToList();
        if (book.SampleChapterUrl is { } sample)
        {
            links.Add(("Read a sample chapter", sample.AbsoluteUri));
        }

        var intro = $"{_content.AuthorName}'s new book, {book.Title}, comes out {when}.";
        if (fallback)
        {
            intro += $" That's {_content.AuthorName}'s time because I don't know your time zone yet; say \"preferences\" to set yours.";
        }

        var card = Channel.SupportsAdaptiveCards(step.Context.Activity.ChannelId)
            ? AdaptiveCards.ToAttachment(NewBookCard(book, when, links))
            : new HeroCard
            {
                Title = book.Title,
                Subtitle = $"Out {when}",
                Text = book.Blurb,
                Buttons = [.. links.Select(l => new CardAction(ActionTypes.OpenUrl, l.Item1, l.Item2))],
            }.ToAttachment();
        await step.Context.SendActivityAsync(MessageFactory.Attachment(card, intro), cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(ReminderPrompt, new PromptOptions
        {
            Prompt = Replies.Question("Would you like me to remind you on launch day?"),
            RetryPrompt = Replies.Question($"Please choose \"{RemindChoice}\" or \"{NoThanksChoice}\"."),
            Choices =
            [
                new Choice(RemindChoice) { Synonyms = ["yes", "yes please", "remind me", "sure", "ok", "okay", "please do", "yep"] },
                new Choice(NoThanksChoice) { Synonyms = ["no", "nope", "not now", "no thank you", "nah"] },
            ],
        }, cancellationToken).ConfigureAwait(false);
    }

    private JsonObject NewBookCard(Book book, string when, IEnumerable<(string Title, string Url)> links) => AdaptiveCards.Card(
        [
            AdaptiveCards.TextBlock("New from " + _content.AuthorName, subtle: true),
            AdaptiveCards.TextBlock(book.Title, size: "large", weight: "bolder"),
            AdaptiveCards.TextBlock($"Out {when}", weight: "bolder", color: "accent"),
            AdaptiveCards.TextBlock(book.Blurb),
        ],
        links.Select(l => (JsonNode)AdaptiveCards.OpenUrl(l.Title, l.Url)),
        $"{book.Title}, out {when}: {book.Blurb}");

    private async Task<DialogTurnResult> RemindAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var book = _content.FindBook(step.Values.GetValue<string>(BookKey));
        if (step.Result is not FoundChoice { Value: RemindChoice } || book?.Launch is not { } launch)
        {
            var text = step.Result is NoAnswer
                ? "Let's leave the reminder for now. Say \"new book\" any time to see it again."
                : "No problem. Say \"new book\" any time to see it again.";
            await step.Context.SendActivityAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var reader = TurnReader.Of(step.Context);
        var preOrder = book.PreOrderLinks.Count > 0 ? $" Get it here: {book.PreOrderLinks[0].Url.AbsoluteUri}" : string.Empty;
        var request = new ReminderRequest(ReminderIds.Launch(book.Id, reader), reader, launch.At, $"It's launch day! {book.Title} by {_content.AuthorName} is out now.{preOrder}");
        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var when = ReaderTime.Format(launch.At, ReaderTime.ZoneFor(profile.TimeZone, _content.TimeZone).Zone, profile.Locale);
        string reply;
        try
        {
            await _reminders.ScheduleAsync(request, cancellationToken).ConfigureAwait(false);
            reply = $"Done: I'll message you when {book.Title} comes out, {when}.";
        }
        catch (ReminderSchedulingUnavailableException)
        {
            reply = $"Sorry, I can't send reminders from here yet. {book.Title} comes out {when}; pre-order to have it on the day.";
        }

        await step.Context.SendActivityAsync(reply, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
    }
}
