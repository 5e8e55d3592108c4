using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs;

/// <summary>
/// AuthorBot's turn handler: welcomes a reader when they join (or install the Teams app), introduces itself in one line
/// when added to a group chat or a team, and hands every message to <see cref="MainDialog"/>. It only dispatches; the
/// flows live in the dialogs.
/// </summary>
public sealed class ReaderBot : ActivityHandler
{
    private readonly ReaderStateAccessors _state;
    private readonly MainDialog _mainDialog;
    private readonly ReaderMenu _menu;
    private readonly TimeProvider _clock;
    private readonly ICardActionHandler[] _cardActions;
    private readonly BookReactions _reactions;

    /// <summary>Creates the bot.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="mainDialog">The root dialog.</param>
    /// <param name="menu">The menu offered in the welcome.</param>
    /// <param name="clock">Clock for the first-welcome time.</param>
    /// <param name="cardActions">What answers Adaptive Card Action.Execute presses.</param>
    /// <param name="reactions">Takes reactions to book cards as feedback.</param>
    public ReaderBot(ReaderStateAccessors state, MainDialog mainDialog, ReaderMenu menu, TimeProvider clock, IEnumerable<ICardActionHandler> cardActions, BookReactions reactions)
    {
        _reactions = reactions ?? throw new ArgumentNullException(nameof(reactions));
        _menu = menu ?? throw new ArgumentNullException(nameof(menu));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _mainDialog = mainDialog ?? throw new ArgumentNullException(nameof(mainDialog));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentNullException.ThrowIfNull(cardActions);
        _cardActions = [.. cardActions];
    }

    /// <inheritdoc />
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        // What the reader's client tells about them (Teams account, tenant, locale, time zone) is kept current.
        var activity = turnContext.Activity;
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.MessageReaction or ActivityTypes.ConversationUpdate
                || (activity.Type == ActivityTypes.InstallationUpdate && activity.Action is InstallationUpdateActionTypes.Add or InstallationUpdateActionTypes.AddUpgrade))
        {
            var profile = await _state.Profile.GetAsync(turnContext, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
            ClientContext.Apply(profile, activity);
        }

        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        // A choice button on an Adaptive Card says what a tapped imBack would have said: the choice is the reader's answer.
        var activity = turnContext.Activity;
        if (string.IsNullOrWhiteSpace(activity.Text) && ChoiceFactory.ChoiceOf(activity) is { } choice)
        {
            activity.Text = choice;
        }

        return _mainDialog.RunAsync(turnContext, _state.DialogState, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task OnReactionsAddedAsync(IList<MessageReaction> messageReactions, ITurnContext turnContext, CancellationToken cancellationToken) =>
        _reactions.OnReactionsAddedAsync(turnContext, messageReactions, cancellationToken);

    /// <inheritdoc />
    protected override async Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invokeValue);
        var action = invokeValue.Action!;
        var handler = action.Verb is { Length: > 0 } verb ? _cardActions.FirstOrDefault(h => h.Handles(verb)) : null;
        return handler is null
            ? CardActionResponses.Message("That button is from an older card I can't act on any more. Say \"menu\" to see what I can do now.")
            : await handler.ExecuteAsync(turnContext, action, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;

        // Teams names only the bot when it joins a group chat or a team: that is the moment to say hello, once.
        if (ConversationTypes.IsGroup(activity.Conversation)
            && activity.MembersAdded?.Any(m => string.Equals(m.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true)
        {
            await IntroduceAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }

        await base.OnConversationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        // Teams sends the install and a conversationUpdate, in either order; whichever comes first says hello.
        return ConversationTypes.IsGroup(turnContext.Activity.Conversation)
            ? IntroduceAsync(turnContext, cancellationToken)
            : WelcomeAsync(turnContext, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);

        // People joining a group chat or a team already had the bot's introduction there; a menu each time would be noise.
        return membersAdded.Count == 0 || ConversationTypes.IsGroup(turnContext.Activity.Conversation)
            ? Task.CompletedTask
            : WelcomeAsync(turnContext, cancellationToken);
    }

    private async Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Emulator sends one update naming both bot and user, Web Chat and Teams send their own; a conversation is
        // welcomed once however many updates arrive.
        if (await _state.Welcomed.GetAsync(turnContext, () => false, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await _state.Welcomed.SetAsync(turnContext, true, cancellationToken).ConfigureAwait(false);
        var profile = await _state.Profile.GetAsync(turnContext, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        string text;
        if (profile.WelcomedAt is null || string.IsNullOrEmpty(profile.Name))
        {
            profile.WelcomedAt ??= _clock.GetUtcNow();
            text = "Hi! I'm AuthorBot, the author's assistant. " + _menu.HelpText;
        }
        else
        {
            text = $"Welcome back, {profile.Name}! What would you like to do?";
        }

        var welcome = ChoiceFactory.ForChannel(turnContext.Activity.ChannelId, _menu.Choices(), text);
        await turnContext.SendActivityAsync(welcome, cancellationToken).ConfigureAwait(false);
    }

    private async Task IntroduceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await _state.Welcomed.GetAsync(turnContext, () => false, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await _state.Welcomed.SetAsync(turnContext, true, cancellationToken).ConfigureAwait(false);
        var name = turnContext.Activity.Recipient?.Name is { Length: > 0 } botName ? botName : "AuthorBot";
        await turnContext.SendActivityAsync(
            $"Hi everyone, I'm {name}, the author's assistant: mention @{name} with \"help\" to see what I can do for you.",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
