using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Answers;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.HandOff;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Newsletter;
using AuthorBot.Dialogs.Preferences;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Routing;
using AuthorBot.Dialogs.Writing;

namespace AuthorBot.Dialogs;

/// <summary>
/// The root of every conversation. A message's intent comes from the classifier (<see cref="ReaderUnderstanding"/>):
/// when it is sure, the bot starts the flow or answers from the author's content; when it is half sure, it asks "Did you
/// mean X or Y?"; otherwise it says so, offers the menu and logs the message for the author to label. Inside a flow, a
/// message that answers the open question is the flow's; one that clearly asks for something else answers it and goes
/// on (a question), switches at once where nothing is lost, or asks before leaving a signup half done. A strongly
/// negative message gets an apology, a simpler choice and a way to reach the author.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    private const string MenuPrompt = "main.menu";
    private const string DidYouMeanPrompt = "main.didYouMean";
    private const string LeaveDialogId = "main.leave";
    private const string StepsId = nameof(MainDialog) + ".steps";
    private const int MaxMissLength = 500;

    private readonly ReaderStateAccessors _state;
    private readonly ReaderMenu _menu;
    private readonly TimeProvider _clock;
    private readonly ReaderUnderstanding _understanding;
    private readonly ReaderAnswers _answers;
    private readonly IntentTitles _titles;
    private readonly IMissLog _misses;
    private readonly AuthorContent _content;
    private readonly AuthorDirectory _authors;

    /// <summary>Creates the root dialog with every registered flow as a child.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="menu">The registered flows.</param>
    /// <param name="clock">Clock for consent records and misses.</param>
    /// <param name="understanding">Reads messages.</param>
    /// <param name="answers">Answers questions from the author's content.</param>
    /// <param name="titles">How intents read on buttons.</param>
    /// <param name="misses">Where messages not understood go.</param>
    /// <param name="handOff">Passes a message to the author.</param>
    /// <param name="content">The author's content.</param>
    /// <param name="authors">Who the author is (their menu has their own tools too).</param>
    public MainDialog(
        ReaderStateAccessors state,
        ReaderMenu menu,
        TimeProvider clock,
        ReaderUnderstanding understanding,
        ReaderAnswers answers,
        IntentTitles titles,
        IMissLog misses,
        HandOffDialog handOff,
        AuthorContent content,
        AuthorDirectory authors)
        : base(nameof(MainDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _menu = menu ?? throw new ArgumentNullException(nameof(menu));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _understanding = understanding ?? throw new ArgumentNullException(nameof(understanding));
        _answers = answers ?? throw new ArgumentNullException(nameof(answers));
        _titles = titles ?? throw new ArgumentNullException(nameof(titles));
        _misses = misses ?? throw new ArgumentNullException(nameof(misses));
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _authors = authors ?? throw new ArgumentNullException(nameof(authors));
        foreach (var flow in menu.Flows)
        {
            AddDialog(flow.Dialog);
        }

        AddDialog(handOff ?? throw new ArgumentNullException(nameof(handOff)));
        AddDialog(new ChoicePrompt(MenuPrompt));
        AddDialog(new ChoicePrompt(DidYouMeanPrompt) { Style = ListStyle.SuggestedAction, MaxAttempts = 1 });
        AddDialog(new LeaveFlowDialog(LeaveDialogId, StepsId));
        AddDialog(new WaterfallDialog(StepsId, [RouteAsync, RouteChoiceAsync]));
        InitialDialogId = StepsId;
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
            return await innerDc.BeginDialogAsync(StepsId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        // An answer to the open question (a choice, a yes or no, an email address) is the flow's, whatever else it says.
        if (string.IsNullOrWhiteSpace(activity.Text) || await innerDc.RecognizesAnswerAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var understood = await _understanding.UnderstandAsync(innerDc.Context, cancellationToken).ConfigureAwait(false);
        var intent = understood.Intent;
        var activeFlow = _menu.ForDialog(innerDc.ActiveDialog?.Id);
        if (!understood.IsSwitch || intent is null || string.Equals(activeFlow?.Intent, intent, StringComparison.Ordinal))
        {
            return null;
        }

        // A message for the author, or a passage for writing feedback, is free text: only the commands that leave it may interrupt.
        var freeText = string.Equals(innerDc.ActiveDialog?.Id, nameof(HandOffDialog), StringComparison.Ordinal) || activeFlow?.TakesFreeText == true;
        if (freeText && intent is not (ReaderIntents.Cancel or ReaderIntents.Menu or ReaderIntents.StartOver))
        {
            return null;
        }

        switch (intent)
        {
            case ReaderIntents.Help:
                await innerDc.Context.SendActivityAsync(_menu.HelpText, cancellationToken: cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            case ReaderIntents.Cancel:
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await innerDc.Context.SendActivityAsync("Okay, I've cancelled that. Say \"menu\" whenever you want to see what I can do.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(DialogTurnStatus.Cancelled);
            case ReaderIntents.StartOver:
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await innerDc.Context.SendActivityAsync("Okay, let's start over.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return await innerDc.BeginDialogAsync(StepsId, new SwitchRequest { Intent = ReaderIntents.Menu }, cancellationToken).ConfigureAwait(false);
            case ReaderIntents.Unsubscribe or ReaderIntents.StopAnnouncements or ReaderIntents.Goodbye or ReaderIntents.Complaint:
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await ActInPlaceAsync(innerDc, understood, cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(DialogTurnStatus.Complete);
            case ReaderIntents.Praise or ReaderIntents.Thanks or ReaderIntents.Greeting:
            case var _ when ReaderAnswers.Answers(intent):
                // A question or a kind word mid-flow: answer it, then ask the open question again; nothing is lost.
                await ActInPlaceAsync(innerDc, understood, cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            default:
                // Another flow, the menu or the author: switch at once unless the flow would lose what the reader typed.
                if (activeFlow?.AskBeforeLeaving is { } leaving && intent != ReaderIntents.Menu)
                {
                    return await innerDc.BeginDialogAsync(LeaveDialogId, (intent, leaving, _titles.PhraseOf(intent)), cancellationToken).ConfigureAwait(false);
                }

                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return await innerDc.BeginDialogAsync(StepsId, new SwitchRequest { Intent = intent }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.GetOptions<SwitchRequest>() is { Intent.Length: > 0 } request)
        {
            return await StartIntentAsync(step, request.Intent, null, request.Options, cancellationToken).ConfigureAwait(false);
        }

        if (step.Context.Activity.Type != ActivityTypes.Message)
        {
            return await StartIntentAsync(step, ReaderIntents.Menu, null, null, cancellationToken).ConfigureAwait(false);
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

        foreach (var flow in _menu.Flows)
        {
            if (await flow.ContinuesAsync(step.Context, cancellationToken).ConfigureAwait(false))
            {
                return await step.BeginDialogAsync(flow.Dialog.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        var understood = await _understanding.UnderstandAsync(step.Context, cancellationToken).ConfigureAwait(false);
        return await RouteUnderstoodAsync(step, understood, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RouteUnderstoodAsync(WaterfallStepContext step, Understood understood, CancellationToken cancellationToken)
    {
        // Strong frustration that is not clearly a request for something else gets the apology path.
        if (understood.Intent == ReaderIntents.Complaint && understood.Band != UnderstandingBand.Miss
            || (!understood.IsConfident && understood.IsStronglyNegative))
        {
            await ApologizeAsync(step.Context, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        switch (understood.Band)
        {
            case UnderstandingBand.Act:
                return await StartIntentAsync(step, understood.Intent!, understood, null, cancellationToken).ConfigureAwait(false);
            case UnderstandingBand.Ask when understood.Prediction.RunnerUp is { } second:
                var first = _titles.TitleOf(understood.Intent!);
                var other = _titles.TitleOf(second.Intent);
                return await step.PromptAsync(DidYouMeanPrompt, new PromptOptions
                {
                    Prompt = Replies.Question($"Sorry, I'm not sure what you meant. Did you mean \"{first}\" or \"{other}\"?"),
                    Choices = [new Choice(first), new Choice(other)],
                }, cancellationToken).ConfigureAwait(false);
            default:
                await LogMissAsync(step.Context, understood, cancellationToken).ConfigureAwait(false);
                return await StartIntentAsync(step, null, understood, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> RouteChoiceAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var chosen = (step.Result as FoundChoice)?.Value;
        if (_menu.ForMenuTitle(chosen) is { } flow)
        {
            return await step.BeginDialogAsync(flow.Dialog.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var intent = chosen switch
        {
            ReaderMenu.UnsubscribeChoice => ReaderIntents.Unsubscribe,
            ReaderMenu.HelpChoice => ReaderIntents.Help,
            _ => _titles.IntentOf(chosen),
        };
        if (intent is not null)
        {
            return await StartIntentAsync(step, intent, null, null, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is NoAnswer { PromptId: DidYouMeanPrompt })
        {
            // Neither guess: the reader said something else instead, so read that afresh.
            var understood = await _understanding.UnderstandAsync(step.Context, cancellationToken).ConfigureAwait(false);
            return await RouteUnderstoodAsync(step, understood, cancellationToken).ConfigureAwait(false);
        }

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

    private async Task<DialogTurnResult> StartIntentAsync(WaterfallStepContext step, string? intent, Understood? understood, string? options, CancellationToken cancellationToken)
    {
        if (_menu.ForIntent(intent) is { } flow)
        {
            return await step.BeginDialogAsync(flow.Dialog.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        switch (intent)
        {
            case ReaderIntents.ContactAuthor:
                return await step.BeginDialogAsync(nameof(HandOffDialog), options, cancellationToken).ConfigureAwait(false);
            case ReaderIntents.Cancel:
                await step.Context.SendActivityAsync("There's nothing to cancel. Say \"menu\" to see what I can do.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            case ReaderIntents.Greeting or ReaderIntents.Menu or ReaderIntents.StartOver or null:
                var opening = intent switch
                {
                    ReaderIntents.Greeting => "Hello! What would you like to do?",
                    ReaderIntents.Menu or ReaderIntents.StartOver => "What would you like to do?",
                    _ => "Sorry, I didn't catch that. Here's what I can do:",
                };
                return await step.PromptAsync(MenuPrompt, new PromptOptions
                {
                    Prompt = Replies.Question(opening),
                    RetryPrompt = Replies.Question("Please pick one of the options, or say \"cancel\"."),
                    Choices = _menu.Choices(_authors.IsAuthor(step.Context)),
                }, cancellationToken).ConfigureAwait(false);
            default:
                understood ??= await _understanding.UnderstandAsync(step.Context, cancellationToken).ConfigureAwait(false);
                await ActInPlaceAsync(step, understood with { Prediction = understood.Prediction with { Best = new(intent, 1) } }, cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Does what an intent asks without starting a dialog: answers, opt-outs, goodbye, the apology path.</summary>
    private async Task ActInPlaceAsync(DialogContext dc, Understood understood, CancellationToken cancellationToken)
    {
        var context = dc.Context;
        switch (understood.Intent)
        {
            case ReaderIntents.Help:
                await context.SendActivityAsync(_menu.HelpText, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            case ReaderIntents.Unsubscribe:
                var profile = await ProfileAsync(context, cancellationToken).ConfigureAwait(false);

                // Through the signup dialog, so the mailing list (and a signup still waiting for its email) agrees.
                var message = FindDialog(nameof(NewsletterSignupDialog)) is NewsletterSignupDialog newsletter
                    ? await newsletter.UnsubscribeAsync(context, profile, cancellationToken).ConfigureAwait(false)
                    : NewsletterSignupDialog.Unsubscribe(profile, _clock.GetUtcNow());
                await context.SendActivityAsync(message, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            case ReaderIntents.StopAnnouncements:
                var reader = await ProfileAsync(context, cancellationToken).ConfigureAwait(false);
                await context.SendActivityAsync(AnnouncementOptOut.Stop(reader), cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            case ReaderIntents.Complaint:
                await ApologizeAsync(context, cancellationToken).ConfigureAwait(false);
                return;
            case ReaderIntents.Greeting:
                await context.SendActivityAsync("Hello!", cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            case ReaderIntents.Praise:
                var fan = await ProfileAsync(context, cancellationToken).ConfigureAwait(false);
                await context.SendActivityAsync(_answers.Praise(understood, context.Activity.Text, fan), cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            default:
                if (_answers.Answer(understood, context.Activity.Text) is { } answer)
                {
                    await context.SendActivityAsync(answer, cancellationToken).ConfigureAwait(false);
                }

                return;
        }
    }

    /// <summary>An apology, a simpler choice of three, and a way to reach the author.</summary>
    private async Task ApologizeAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var reply = MessageFactory.Text(
            $"I'm sorry, I'm not getting this right. Let's keep it simple: pick one of these, or I can pass a message to {_content.AuthorName}, who reads every one.");
        reply.SuggestedActions = new SuggestedActions
        {
            Actions =
            [
                .. _menu.Flows.Take(2).Select(f => new CardAction(ActionTypes.ImBack, f.MenuTitle, f.MenuTitle)),
                new CardAction(ActionTypes.ImBack, "Message the author", "Message the author"),
            ],
        };
        await context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task LogMissAsync(ITurnContext context, Understood understood, CancellationToken cancellationToken)
    {
        var text = PersonalDataScrubber.Scrub(context.Activity.Text).Trim();
        if (text.Length == 0)
        {
            return;
        }

        // The author reads misses to label them; a pasted chapter is no request to label and would bloat the log.
        if (text.Length > MaxMissLength)
        {
            text = string.Concat(text.AsSpan(0, MaxMissLength), "…");
        }

        var prediction = understood.Prediction;
        await _misses.RecordAsync(
            new MissedMessage(text, context.Activity.ChannelId, _clock.GetUtcNow(), prediction.Best?.Intent, prediction.Score, prediction.RunnerUp?.Intent, prediction.RunnerUp?.Score ?? 0),
            cancellationToken).ConfigureAwait(false);
    }

    private Task<ReaderProfile> ProfileAsync(ITurnContext context, CancellationToken cancellationToken) =>
        _state.Profile.GetAsync(context, () => new ReaderProfile(), cancellationToken);
}
