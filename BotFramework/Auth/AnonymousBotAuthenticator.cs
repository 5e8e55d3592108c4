using System.Security.Claims;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Development-mode authenticator: checks no token and returns an anonymous identity. Refuses to exist when a
/// Microsoft App ID is configured (see <see cref="AnonymousModeGuard"/>).
/// </summary>
public sealed class AnonymousBotAuthenticator : IBotAuthenticator
{
    /// <summary>The authentication type of the identity it returns.</summary>
    public const string AuthenticationType = "anonymous";

    /// <summary>Creates the authenticator.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="microsoftAppId"/> is set.</exception>
    public AnonymousBotAuthenticator(string? microsoftAppId = null)
    {
        AnonymousModeGuard.EnsureAllowed(microsoftAppId);
    }

    /// <inheritdoc/>
    public Task<ClaimsIdentity> AuthenticateRequestAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken) =>
        Task.FromResult(new ClaimsIdentity(AuthenticationType));
}
