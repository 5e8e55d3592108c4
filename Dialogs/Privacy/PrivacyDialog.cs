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
    private const string SummaryFooter = "Say \"export my data\" for a full copy, or \"delete my data\" to erase it.";
    private const string WhatPrompt = "privacy.what";
    private const string ConfirmDeletePrompt = "privacy.confirmDelete";

    private static readonly JsonSerializerOptions _exportJson = new() { WriteIndented = true };

    private readonly ReaderStateAccessors _state;
    private readonly IReadOnlyList<IReaderDataStore> _stores;
    private readonly TimeProvider _clock;

    /// <summary>Creates the dialog.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="stores">Every store that keeps something about readers.</param>
    /// <param name="clock">The clock.</param>
    public PrivacyDialog(ReaderStateAccessors state, IEnumerable<IReaderDataStore> stores, TimeProvider clock)
        : base(nameof(PrivacyDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
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
    /// Everything held about the reader: as label and value pairs on an Adaptive Card where cards render (Teams, Web Chat),
    /// as lines of text elsewhere.
    /// </summary>
    private async Task<Activity> SummaryAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var facts = await SummaryFactsAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (!Channel.SupportsAdaptiveCards(turnContext.Activity.ChannelId))
        {
            var text = new StringBuilder(SummaryIntro).Append('\n');
            foreach (var (title, value) in facts)
            {
                text.Append(CultureInfo.InvariantCulture, $"{title}: {value}\n");
            }

            return MessageFactory.Text(text.Append('\n').Append(SummaryFooter).ToString());
        }

        var card = AdaptiveCards.Card(
            [
                AdaptiveCards.TextBlock(SummaryIntro, size: "medium", weight: "bolder"),
                AdaptiveCards.FactSet(facts),
                AdaptiveCards.TextBlock(SummaryFooter, subtle: true),
            ],
            fallbackText: SummaryIntro + " " + string.Join("; ", facts.Select(f => $"{f.Title}: {f.Value}")));
        return MessageFactory.Attachment(AdaptiveCards.ToAttachment(card));
    }

    private async Task<List<(string Title, string Value)>> SummaryFactsAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(turnContext, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        List<(string Title, string Value)> facts =
        [
            ("Name", profile.Name ?? "you haven't told me"),
            ("Email", profile.Email ?? "you haven't told me"),
            ("Newsletter", Newsletter(profile.Newsletter)),
            .. PreferencesDialog.SummaryFacts(profile),
        ];
        if (profile.Locale is { } locale)
        {
            facts.Add(("Language", locale));
        }

        if (profile.TenantId is { } tenant)
        {
            facts.Add(("Microsoft 365 organization", tenant));
        }

        if (profile.AadObjectId is { } account)
        {
            facts.Add(("Microsoft 365 account", account));
        }

        if (profile.WelcomedAt is { } welcomed)
        {
            facts.Add(("First chat", Day(welcomed)));
        }

        var reader = TurnReader.Of(turnContext);
        foreach (var store in _stores.Where(s => s is not UserStateDataStore))
        {
            var records = await store.ExportAsync(reader, cancellationToken).ConfigureAwait(false);
            if (records is not null)
            {
                var count = records is JsonArray array ? array.Count : 1;
                facts.Add((Capitalize(store.Name), $"{count} record{(count == 1 ? string.Empty : "s")}"));
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
