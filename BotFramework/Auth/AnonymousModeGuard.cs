namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Anonymous mode (no token checked, none sent) is only safe when no Microsoft App ID is configured, which is how
/// the Emulator and the SDKs define local development. With an app id, channels send real tokens that must be
/// validated; until JWT validation exists the bot refuses to start rather than accept unauthenticated traffic.
/// </summary>
public static class AnonymousModeGuard
{
    /// <summary>The start-up error when an app id is configured.</summary>
    public const string AppIdConfiguredMessage =
        "JWT validation not yet implemented; remove MicrosoftAppId for anonymous development mode.";

    /// <summary>True when anonymous mode may be used for <paramref name="microsoftAppId"/>.</summary>
    public static bool IsAllowed(string? microsoftAppId) => string.IsNullOrWhiteSpace(microsoftAppId);

    /// <summary>Throws <see cref="InvalidOperationException"/> when an app id is configured.</summary>
    public static void EnsureAllowed(string? microsoftAppId)
    {
        if (!IsAllowed(microsoftAppId))
        {
            throw new InvalidOperationException(AppIdConfiguredMessage);
        }
    }
}
