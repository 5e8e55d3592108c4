using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs;

/// <summary>
/// AuthorBot's turn handler: welcomes a reader when they join and hands every message to <see cref="MainDialog"/>.
/// It only dispatches; the flows live in the dialogs.
/// </summary>
public sealed class ReaderBot : ActivityHandler
{
    private readonly ReaderStateAccessors _state;
    private readonly MainDialog _mainDialog;
    private readonly ReaderMenu _menu;
    private readonly TimeProvider _clock;

    /// <summary>Creates the bot.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="mainDialog">The root dialog.</param>
    /// <param name="menu">The menu offered in the welcome.</param>
    /// <param name="clock">Clock for the first-welcome time.</param>
    public ReaderBot(ReaderStateAccessors state, MainDialog mainDialog, ReaderMenu menu, TimeProvider clock)
    {
        _menu = menu ?? throw new ArgumentNullException(nameof(menu));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _mainDialog = mainDialog ?? throw new ArgumentNullException(nameof(mainDialog));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <inheritdoc />
    protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _mainDialog.RunAsync(turnContext, _state.DialogState, cancellationToken);

    /// <inheritdoc />
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);

        // Emulator sends one update naming both bot and user, Web Chat and Teams send their own; the handler already
        // dropped the bot, and a conversation is welcomed once however many updates arrive.
        if (membersAdded.Count == 0 || await _state.Welcomed.GetAsync(turnContext, () => false, cancellationToken).ConfigureAwait(false))
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
}
