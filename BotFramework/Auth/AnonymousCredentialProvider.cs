namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Development-mode outbound credentials: adds no <c>Authorization</c> header, which is what the Emulator and
/// SDK channels expect from a bot without an app id. Refuses to exist when a Microsoft App ID is configured.
/// </summary>
public sealed class AnonymousCredentialProvider : IOutboundCredentialProvider
{
    /// <summary>Creates the provider.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="microsoftAppId"/> is set.</exception>
    public AnonymousCredentialProvider(string? microsoftAppId = null)
    {
        AnonymousModeGuard.EnsureAllowed(microsoftAppId);
    }

    /// <inheritdoc/>
    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
