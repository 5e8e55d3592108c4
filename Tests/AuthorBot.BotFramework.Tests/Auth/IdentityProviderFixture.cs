namespace AuthorBot.BotFramework.Tests.Auth;

/// <summary>One identity provider for the static matrix cases: its RSA keys take a while to generate.</summary>
public sealed class IdentityProviderFixture : IDisposable
{
    internal TestIdentityProvider Provider { get; } = new();

    public void Dispose() => Provider.Dispose();
}
