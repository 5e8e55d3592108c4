using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Newsletter;

/// <summary>Offers newsletter signup in the menu and starts it on "subscribe", "sign me up" and the like.</summary>
/// <param name="dialog">The signup dialog.</param>
public sealed partial class NewsletterFlow(NewsletterSignupDialog dialog) : IReaderFlow
{
    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "Join the newsletter";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["subscribe", "newsletter", "sign up"];

    /// <inheritdoc />
    public int Order => 10;

    /// <inheritdoc />
    public bool Matches(string normalizedText) => SubscribePattern().IsMatch(normalizedText ?? string.Empty);

    // "resend the confirmation" reaches the signup, which sends a fresh link to a reader whose signup waits for one.
    [GeneratedRegex(@"\b(subscribe|newsletter|sign (me )?up|join the mailing list|mailing list|resend( the| my)? (confirmation|link|email)|confirmation (email|link))\b")]
    private static partial Regex SubscribePattern();
}
