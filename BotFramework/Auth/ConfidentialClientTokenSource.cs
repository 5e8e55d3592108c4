using Microsoft.Identity.Client;

namespace AuthorBot.BotFramework.Auth;

/// <summary>Client-credentials tokens (secret or certificate) from one <see cref="IConfidentialClientApplication"/>.</summary>
internal sealed class ConfidentialClientTokenSource(IConfidentialClientApplication application, string scope, string description) : IAccessTokenSource
{
    private readonly string[] _scopes = [scope];

    public string Description => description;

    public async Task<AccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var result = await application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new AccessToken(result.AccessToken, result.ExpiresOn, result.AuthenticationResultMetadata?.RefreshOn);
    }
}
