using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Newsletter;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs;

/// <summary>
/// The root of every conversation: routes a message to its flow by keywords, offers the menu when nothing
/// matched, and lets "help", "cancel", "start over" and "unsubscribe" interrupt any flow.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    /// <summary>What the bot can do, as shown in help and the menu.</summary>
    public const string HelpText =
        "I can sign you up for the author's newsletter (say \"subscribe\") or take you off it (\"unsubscribe\"). "
        + "Say \"menu\" to see the options, \"cancel\" to stop what we're doing, or \"start over\" to begin again.";

    private const string MenuPrompt = "main.menu";
    private const string SubscribeChoice = "Join the newsletter";
    private const string UnsubscribeChoice = "Unsubscribe";
    private const string HelpChoice = "Help";

    private readonly ReaderStateAccessors _state;
    private readonly TimeProvider _clock;

    /// <summary>Creates the root dialog and its child flows.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="newsletter">The newsletter signup flow.</param>
    /// <param name="clock">Clock for consent records.</param>
    public MainDialog(ReaderStateAccessors state, NewsletterSignupDialog newsletter, TimeProvider clock)
        : base(nameof(MainDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        AddDialog(newsletter ?? throw new ArgumentNullException(nameof(newsletter)));
        AddDialog(new ChoicePrompt(MenuPrompt));
        AddDialog(new WaterfallDialog(nameof(MainDialog) + ".steps", [RouteAsync, RouteMenuChoiceAsync]));
        InitialDialogId = nameof(MainDialog) + ".steps";
    }

    /// <summary>The menu, for the welcome and for "menu".</summary>
    /// <returns>The menu's choices.</returns>
    public static IList<Choice> MenuChoices() =>
    [
        new(SubscribeChoice) { Synonyms = ["subscribe", "newsletter", "sign up"] },
        new(UnsubscribeChoice) { Synonyms = ["unsubscribe", "opt out"] },
        new(HelpChoice) { Synonyms = ["help"] },
    ];

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

        switch (KeywordIntentRecognizer.Recognize(activity.Text))
        {
            case ReaderIntent.Help:
                await innerDc.Context.SendActivityAsync(HelpText, cancellationToken: cancellationToken).ConfigureAwait(false);
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
            default:
                return null;
        }
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var intent = step.Context.Activity.Type == ActivityTypes.Message
            ? KeywordIntentRecognizer.Recognize(step.Context.Activity.Text)
            : ReaderIntent.Menu;
        return await StartIntentAsync(step, intent, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RouteMenuChoiceAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var intent = (step.Result as FoundChoice)?.Value switch
        {
            SubscribeChoice => ReaderIntent.Subscribe,
            UnsubscribeChoice => ReaderIntent.Unsubscribe,
            HelpChoice => ReaderIntent.Help,
            _ => ReaderIntent.None,
        };
        if (intent == ReaderIntent.None)
        {
            // A completed flow or an unanswered menu ends here; the next message starts a fresh route.
            return await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);
        }

        return await StartIntentAsync(step, intent, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> StartIntentAsync(WaterfallStepContext step, ReaderIntent intent, CancellationToken cancellationToken)
    {
        switch (intent)
        {
            case ReaderIntent.Subscribe:
                return await step.BeginDialogAsync(nameof(NewsletterSignupDialog), cancellationToken: cancellationToken).ConfigureAwait(false);
            case ReaderIntent.Unsubscribe:
                await UnsubscribeAsync(step, cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            case ReaderIntent.Help:
                await step.Context.SendActivityAsync(HelpText, cancellationToken: cancellationToken).ConfigureAwait(false);
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
                    Choices = MenuChoices(),
                }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UnsubscribeAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(dc.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var message = NewsletterSignupDialog.Unsubscribe(profile, _clock.GetUtcNow());
        await dc.Context.SendActivityAsync(message, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
