using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Newsletter;

/// <summary>Offers newsletter signup in the menu and starts it on "subscribe", "sign me up" and the like.</summary>
/// <param name="dialog">The signup dialog.</param>
public sealed class NewsletterFlow(NewsletterSignupDialog dialog) : IReaderFlow
{
    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "Join the newsletter";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["subscribe", "newsletter", "sign up"];

    /// <inheritdoc />
    public string Intent => ReaderIntents.Newsletter;

    /// <inheritdoc />
    public string SwitchPhrase => "join the newsletter";

    /// <inheritdoc />
    public string? AskBeforeLeaving => "the signup";

    /// <inheritdoc />
    public int Order => 10;
}
