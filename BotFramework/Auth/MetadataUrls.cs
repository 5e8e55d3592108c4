namespace AuthorBot.BotFramework.Auth;

/// <summary>Rules for the OpenID metadata and login URLs a bot is configured with.</summary>
internal static class MetadataUrls
{
    /// <summary>True for an absolute http URL whose host is a loopback address or <c>localhost</c>.</summary>
    public static bool IsLoopbackHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;

    /// <summary>
    /// Null when <paramref name="url"/> may be used for <paramref name="settingName"/>: https anywhere, http only on
    /// loopback (a test identity provider). Otherwise the start-up error naming the setting.
    /// </summary>
    public static string? Check(string settingName, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"{settingName} '{url}' is not an absolute https URL.";
        }

        return uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback
            ? $"{settingName} '{url}' uses http; signing keys must come over https (http is accepted only for a loopback test identity provider)."
            : null;
    }
}
