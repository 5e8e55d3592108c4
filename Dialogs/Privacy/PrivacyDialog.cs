using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Preferences;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Privacy;

/// <summary>
/// The reader's data: "what do you know about me" (a readable summary), "export my data" (a JSON file gathered from
/// every <see cref="IReaderDataStore"/>), and "delete my data" (after a confirmation, erased from every store, the
/// reader's user state and this conversation's state).
/// </summary>
public sealed partial class PrivacyDialog : ComponentDialog
{
    /// <summary>Shows the summary.</summary>
    public const string SummaryChoice = "What do you know about me?";

    /// <summary>Sends the export.</summary>
    public const string ExportChoice = "Export my data";

    /// <summary>Starts the deletion.</summary>
    public const string DeleteChoice = "Delete my data";

    /// <summary>Ends the flow.</summary>
    public const string DoneChoice = "Done";

    /// <summary>The media type of the export.</summary>
    public const string ExportContentType = "application/json";

    private const string SummaryIntro = "Here's what I know about you:";
    private const string SummaryFooter = "Export my data sends you a full copy; Delete my data erases it all.";
    private const string YouToldMe = "you told me";
    private const string YourPreferences = "your preferences";
    private const string WhatPrompt = "privacy.what";
    private const string ConfirmDeletePrompt = "privacy.confirmDelete";

    private static readonly JsonSerializerOptions _exportJson = new() { WriteIndented = true };

    private readonly ReaderStateAccessors _state;
    private readonly IReadOnlyList<IReaderDataStore> _stores;
    private readonly TimeProvider _clock;
    private readonly AuthorContent _content;

    /// <summary>Creates the dialog.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="stores">Every store that keeps something about readers.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="content">The author's content (their time zone, used until the reader has one).</param>
    public PrivacyDialog(ReaderStateAccessors state, IEnumerable<IReaderDataStore> stores, TimeProvider clock, AuthorContent content)
        : base(nameof(PrivacyDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _content = content ?? throw new ArgumentNullException(nameof(content));
        ArgumentNullException.ThrowIfNull(stores);
        _stores = [.. stores];
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        AddDialog(new WaterfallDialog(nameof(PrivacyDialog) + ".steps", [ChooseAsync, ActAsync, DeleteAsync]));
        AddDialog(new ChoicePrompt(WhatPrompt) { Style = ListStyle.SuggestedAction });
        AddDialog(new ConfirmPrompt(ConfirmDeletePrompt));
        InitialDialogId = nameof(PrivacyDialog) + ".steps";
    }

    private async Task<DialogTurnResult> ChooseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (!TurnIdentity.IsUserVouched(step.Context))
        {
            // The id is one the client named, not one the channel vouches for: whoever typed it could be anyone.
            await step.Context.SendActivityAsync(
                "I can't confirm who you are in this chat, so I can't show, export or delete what's stored about you here. Please use the chat on the author's page or in Teams for that.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var text = ReaderText.Normalize(step.Context.Activity.Text);
        var asked = DeletePattern().IsMatch(text) ? DeleteChoice
            : ExportPattern().IsMatch(text) ? ExportChoice
            : SummaryPattern().IsMatch(text) ? SummaryChoice
            : null;
        if (asked is not null)
        {
            return await step.NextAsync(new FoundChoice { Value = asked }, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(WhatPrompt, new PromptOptions
        {
            Prompt = Replies.Question("What would you like to do with your data?"),
            RetryPrompt = Replies.Question("Please pick one of the options, or \"Done\"."),
            Choices =
            [
                new Choice(SummaryChoice) { Synonyms = ["summary", "show me", "what do you know", "what you know"] },
                new Choice(ExportChoice) { Synonyms = ["export", "download", "a copy", "send me a copy"] },
                new Choice(DeleteChoice) { Synonyms = ["delete", "erase", "forget me", "delete everything"] },
                new Choice(DoneChoice) { Synonyms = ["nothing", "no", "back", "no thanks"] },
            ],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        switch ((step.Result as FoundChoice)?.Value)
        {
            case SummaryChoice:
                await step.Context.SendActivityAsync(await SummaryAsync(step.Context, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            case ExportChoice:
                var export = await ExportAsync(step.Context, cancellationToken).ConfigureAwait(false);
                await step.Context.SendActivityAsync(
                    MessageFactory.Attachment(export, "Here's everything I have about you, as a JSON file."), cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            case DeleteChoice:
                var held = string.Join(", ", _stores.Select(s => s.Name).Prepend("your name, email, newsletter consent and preferences").Distinct(StringComparer.Ordinal));
                return await step.PromptAsync(ConfirmDeletePrompt, new PromptOptions
                {
                    Prompt = Replies.Question($"This deletes everything I know about you ({held}) and this conversation's history with me. It can't be undone. Delete everything?"),
                    RetryPrompt = Replies.Question("Please answer yes to delete everything I know about you, or no to keep it."),
                }, cancellationToken).ConfigureAwait(false);
            default:
                var text = step.Result is NoAnswer ? "Let's leave that for now. Say \"my data\" any time." : "Okay. Say \"my data\" any time.";
                await step.Context.SendActivityAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> DeleteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync("Okay, I haven't deleted anything.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(false, cancellationToken).ConfigureAwait(false);
        }

        var reader = TurnReader.Of(step.Context);
        foreach (var store in _stores)
        {
            await store.EraseAsync(reader, cancellationToken).ConfigureAwait(false);
        }

        // Deleting state also empties this turn's copy, so the end-of-turn save has nothing to write back; nothing
        // below may touch the profile or dialog state again.
        await _state.UserState.DeleteAsync(step.Context, cancellationToken).ConfigureAwait(false);
        await _state.ConversationState.DeleteAsync(step.Context, cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(
            "Done: I've deleted everything I had about you. If you talk to me again I'll start fresh, as if we'd never met.",
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Everything held about the reader, one item per line, each saying what it is, its value and where it came from:
    /// a FactSet on an Adaptive Card with Export and Delete buttons where cards render (Teams, Web Chat), a Markdown
    /// list with those two as suggested actions elsewhere (single-newline lines would run together as one paragraph).
    /// </summary>
    private async Task<Activity> SummaryAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var facts = await SummaryFactsAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (!Channel.SupportsAdaptiveCards(turnContext.Activity.ChannelId))
        {
            var text = new StringBuilder(SummaryIntro).Append('\n');
            foreach (var fact in facts)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n- {fact.Title}: {fact.Value} ({fact.Source})");
            }

            var message = MessageFactory.Text(text.Append("\n\n").Append(SummaryFooter).ToString());
            message.SuggestedActions = new SuggestedActions
            {
                Actions = [new CardAction(ActionTypes.ImBack, ExportChoice, ExportChoice), new CardAction(ActionTypes.ImBack, DeleteChoice, DeleteChoice)],
            };
            return message;
        }

        var card = AdaptiveCards.Card(
            [
                AdaptiveCards.TextBlock(SummaryIntro, size: "medium", weight: "bolder"),
                AdaptiveCards.FactSet(facts.Select(f => (f.Title, $"{f.Value} · {f.Source}"))),
                AdaptiveCards.TextBlock(SummaryFooter, subtle: true),
            ],
            [
                AdaptiveCards.Submit(ExportChoice, new JsonObject { [ChoiceFactory.CardChoiceProperty] = ExportChoice }),
                AdaptiveCards.Submit(DeleteChoice, new JsonObject { [ChoiceFactory.CardChoiceProperty] = DeleteChoice }, style: "destructive"),
            ],
            fallbackText: SummaryIntro + " " + string.Join("; ", facts.Select(f => $"{f.Title}: {f.Value} ({f.Source})")));
        return MessageFactory.Attachment(AdaptiveCards.ToAttachment(card));
    }

    private async Task<List<(string Title, string Value, string Source)>> SummaryFactsAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(turnContext, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        List<(string Title, string Value, string Source)> facts =
        [
            ("Name", profile.Name ?? "you haven't told me", profile.Name is null ? "nothing stored" : YouToldMe),
            ("Email", profile.Email ?? "you haven't told me", profile.Email is null ? "nothing stored" : "you gave it for the newsletter"),
            ("Newsletter", Newsletter(profile.Newsletter), profile.Newsletter is null ? "nothing stored" : "your answer when I asked"),
        ];
        foreach (var (title, value) in PreferencesDialog.SummaryFacts(profile, _content))
        {
            facts.Add((title, value, title switch
            {
                "Time zone" when profile.TimeZone is null => $"{_content.AuthorName}'s setting",
                "Time zone" when profile.TimeZoneFromClient => "sent by your chat app",
                "Time zone" => "you chose it in your preferences",
                "Topics" => "your preferences and the genres you picked",
                _ => YourPreferences,
            }));
        }

        if (profile.Locale is { } locale)
        {
            facts.Add(("Language", locale, "sent by your chat app"));
        }

        if (profile.TenantId is { } tenant)
        {
            facts.Add(("Microsoft 365 organization", tenant, "sent by Microsoft Teams"));
        }

        if (profile.AadObjectId is { } account)
        {
            facts.Add(("Microsoft 365 account", account, "sent by Microsoft Teams"));
        }

        if (profile.WelcomedAt is { } welcomed)
        {
            facts.Add(("First chat", Day(welcomed), "when you first talked to me"));
        }

        var reader = TurnReader.Of(turnContext);
        foreach (var store in _stores.Where(s => s is not UserStateDataStore))
        {
            var records = await store.ExportAsync(reader, cancellationToken).ConfigureAwait(false);
            if (records is not null)
            {
                var count = records is JsonArray array ? array.Count : 1;
                facts.Add((Capitalize(store.Name), $"{count} record{(count == 1 ? string.Empty : "s")}", "what you did in our chats"));
            }
        }

        return facts;
    }

    private async Task<Attachment> ExportAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Save this turn's changes first so the stores' export is what the reader sees now.
        await _state.UserState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
        var reader = TurnReader.Of(turnContext);
        var stores = new JsonObject();
        foreach (var store in _stores)
        {
            if (await store.ExportAsync(reader, cancellationToken).ConfigureAwait(false) is { } records)
            {
                stores[store.Name] = records;
            }
        }

        var document = new JsonObject
        {
            ["exportedAt"] = _clock.GetUtcNow(),
            ["reader"] = new JsonObject { ["channelId"] = reader.ChannelId, ["userId"] = reader.UserId },
            ["data"] = stores,
        };
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString(_exportJson));
        return new Attachment(ExportContentType, $"data:{ExportContentType};base64,{Convert.ToBase64String(bytes)}", name: "authorbot-my-data.json");
    }

    private static string Newsletter(NewsletterConsent? consent) => consent switch
    {
        null => "never asked",
        { Subscribed: true, PendingConfirmation: true } => $"waiting for you to confirm {consent.Email} from the emailed link",
        { Subscribed: true } => $"subscribed with {consent.Email}" + (consent.ConsentedAt is { } at ? $" since {Day(at)}" : string.Empty),
        _ => "not subscribed" + (consent.UnsubscribedAt is { } at ? $" (unsubscribed {Day(at)})" : string.Empty),
    };

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"\b(delete|erase|remove|wipe|forget)\b")]
    private static partial Regex DeletePattern();

    [GeneratedRegex(@"\b(export|download|copy)\b")]
    private static partial Regex ExportPattern();

    [GeneratedRegex(@"\b(know about me|what (data|information)|summary|show me my)\b")]
    private static partial Regex SummaryPattern();
}
