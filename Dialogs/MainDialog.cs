using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Newsletter;
using AuthorBot.Dialogs.Preferences;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs;

/// <summary>
/// The root of every conversation: routes a message to the flow that asks for it, offers the menu when nothing
/// matched, and lets "help", "cancel", "start over" and "unsubscribe" interrupt any flow.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    private const string MenuPrompt = "main.menu";

    private readonly ReaderStateAccessors _state;
    private readonly ReaderMenu _menu;
    private readonly TimeProvider _clock;

    /// <summary>Creates the root dialog with every registered flow as a child.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="menu">The registered flows.</param>
    /// <param name="clock">Clock for consent records.</param>
    public MainDialog(ReaderStateAccessors state, ReaderMenu menu, TimeProvider clock)
        : base(nameof(MainDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _menu = menu ?? throw new ArgumentNullException(nameof(menu));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        foreach (var flow in menu.Flows)
        {
            AddDialog(flow.Dialog);
        }

        AddDialog(new ChoicePrompt(MenuPrompt));
        AddDialog(new WaterfallDialog(nameof(MainDialog) + ".steps", [RouteAsync, RouteMenuChoiceAsync]));
        InitialDialogId = nameof(MainDialog) + ".steps";
    }

    /// <inheritdoc />
    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return await InterruptAsync(innerDc, cancellationToken).ConfigureAwait(false)
            ?? await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult?> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var activity = innerDc.Context.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        // A button on a card of another flow (an earlier book list while a prompt waits, say) starts that flow: the
        // reader pressed it on purpose, and the prompt in progress could not read it anyway.
        if (CardSubmit.ActionOf(activity) is { } action && _menu.ForCardAction(action) is { } owner
            && !string.Equals(innerDc.ActiveDialog?.Id, owner.Dialog.Id, StringComparison.Ordinal))
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return await innerDc.BeginDialogAsync(InitialDialogId!, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        switch (KeywordIntentRecognizer.Recognize(activity.Text))
        {
            case ReaderIntent.Help:
                await innerDc.Context.SendActivityAsync(_menu.HelpText, cancellationToken: cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            case ReaderIntent.Cancel:
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await innerDc.Context.SendActivityAsync("Okay, I've cancelled that. Say \"menu\" whenever you want to see what I can do.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(DialogTurnStatus.Cancelled);
            case ReaderIntent.StartOver:
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await innerDc.Context.SendActivityAsync("Okay, let's start over.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return await innerDc.BeginDialogAsync(InitialDialogId!, cancellationToken: cancellationToken).ConfigureAwait(false);
            case ReaderIntent.Unsubscribe:
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await UnsubscribeAsync(innerDc, cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(DialogTurnStatus.Complete);
            case ReaderIntent.StopAnnouncements:
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await StopAnnouncementsAsync(innerDc, cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(DialogTurnStatus.Complete);
            default:
                return null;
        }
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Context.Activity.Type != ActivityTypes.Message)
        {
            return await StartIntentAsync(step, ReaderIntent.Menu, cancellationToken).ConfigureAwait(false);
        }

        if (CardSubmit.ActionOf(step.Context.Activity) is { } action)
        {
            if (_menu.ForCardAction(action) is { } owner)
            {
                return await step.BeginDialogAsync(owner.Dialog.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await step.Context.SendActivityAsync(
                "That button belongs to a card I can't act on any more. Say \"menu\" to see what I can do now.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var text = step.Context.Activity.Text;
        var intent = KeywordIntentRecognizer.Recognize(text);
        var flow = intent == ReaderIntent.None ? _menu.Match(KeywordIntentRecognizer.Normalize(text)) : null;

        // Keywords either match or not: a match is certain, no match is no intent.
        RecognizedIntent.SetRecognizedIntent(step.Context, flow?.Dialog.Id ?? intent.ToString(), flow is null && intent == ReaderIntent.None ? 0 : 1);
        return flow is not null
            ? await step.BeginDialogAsync(flow.Dialog.Id, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await StartIntentAsync(step, intent, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RouteMenuChoiceAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var chosen = (step.Result as FoundChoice)?.Value;
        if (_menu.ForMenuTitle(chosen) is { } flow)
        {
            return await step.BeginDialogAsync(flow.Dialog.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var intent = chosen switch
        {
            ReaderMenu.UnsubscribeChoice => ReaderIntent.Unsubscribe,
            ReaderMenu.HelpChoice => ReaderIntent.Help,
            _ => ReaderIntent.None,
        };
        if (intent == ReaderIntent.None)
        {
            if (step.Result is NoAnswer { PromptId: MenuPrompt })
            {
                // The menu gave up after its retries; say so rather than going quiet.
                await step.Context.SendActivityAsync(
                    "No problem, let's leave the menu for now. Say \"menu\" whenever you want to see the options, or \"help\".",
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            // A completed flow or an unanswered menu ends here; the next message starts a fresh route.
            return await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);
        }

        return await StartIntentAsync(step, intent, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> StartIntentAsync(WaterfallStepContext step, ReaderIntent intent, CancellationToken cancellationToken)
    {
        switch (intent)
        {
            case ReaderIntent.Unsubscribe:
                await UnsubscribeAsync(step, cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            case ReaderIntent.StopAnnouncements:
                await StopAnnouncementsAsync(step, cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            case ReaderIntent.Help:
                await step.Context.SendActivityAsync(_menu.HelpText, cancellationToken: cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            case ReaderIntent.Cancel:
                await step.Context.SendActivityAsync("There's nothing to cancel. Say \"menu\" to see what I can do.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            default:
                var opening = intent switch
                {
                    ReaderIntent.Greeting => "Hello! What would you like to do?",
                    ReaderIntent.Menu or ReaderIntent.StartOver => "What would you like to do?",
                    _ => "Sorry, I didn't catch that. Here's what I can do:",
                };
                return await step.PromptAsync(MenuPrompt, new PromptOptions
                {
                    Prompt = Replies.Question(opening),
                    RetryPrompt = Replies.Question("Please pick one of the options, or say \"cancel\"."),
                    Choices = _menu.Choices(),
                }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UnsubscribeAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(dc.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var message = FindDialog(nameof(NewsletterSignupDialog)) is NewsletterSignupDialog newsletter
            ? await newsletter.UnsubscribeAsync(dc.Context, profile, cancellationToken).ConfigureAwait(false)
            : NewsletterSignupDialog.Unsubscribe(profile, _clock.GetUtcNow());
        await dc.Context.SendActivityAsync(message, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task StopAnnouncementsAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(dc.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        await dc.Context.SendActivityAsync(AnnouncementOptOut.Stop(profile), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
