namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Anonymous mode (no token checked, none sent) is what the Emulator and the SDKs call local development: it exists
/// only while no Microsoft App ID is configured. The anonymous pieces refuse to be built with one, so a wiring mistake
/// cannot silently turn authentication off.
/// </summary>
public static class AnonymousModeGuard
{
    /// <summary>The error when an anonymous piece is built although an app id is configured.</summary>
    public const string AppIdConfiguredMessage =
        "MicrosoftAppId is set, so requests must be authenticated; the anonymous authenticator and credentials cannot be used.";

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
