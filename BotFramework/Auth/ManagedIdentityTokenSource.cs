using Microsoft.Identity.Client;

namespace AuthorBot.BotFramework.Auth;

/// <summary>Managed-identity tokens from one <see cref="IManagedIdentityApplication"/>.</summary>
internal sealed class ManagedIdentityTokenSource(IManagedIdentityApplication application, string resource, string description) : IAccessTokenSource
{
    public string Description => description;

    public async Task<AccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var result = await application.AcquireTokenForManagedIdentity(resource).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new AccessToken(result.AccessToken, result.ExpiresOn, result.AuthenticationResultMetadata?.RefreshOn);
    }
}
