namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Where the bot's Connector token may travel: over https, or over plain http only to this machine (Emulator, tests).
/// A token sent in the clear to another host could be replayed against the Connector as the bot.
/// </summary>
internal static class BearerTokenTransport
{
    public static bool IsAllowed(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
