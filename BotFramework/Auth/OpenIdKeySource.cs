using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// The signing keys of one OpenID metadata document, cached by Microsoft.IdentityModel's ConfigurationManager: read
/// once, refreshed in the background every <c>automaticRefresh</c>, and re-read at most once per <c>minimumRefresh</c>
/// when a token names a key id the cache does not hold (a key rotation). No network call per request otherwise.
/// </summary>
internal sealed class OpenIdKeySource
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;

    public OpenIdKeySource(string metadataUrl, HttpClient httpClient, TimeSpan automaticRefresh, TimeSpan minimumRefresh)
    {
        MetadataUrl = metadataUrl;

        // IdentityModel refuses http metadata by default, rightly; a loopback identity provider in tests is the one
        // exception, and BotFrameworkAuthenticationOptions refuses http anywhere else at start-up.
        var retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = !MetadataUrls.IsLoopbackHttp(metadataUrl) };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = automaticRefresh,
            RefreshInterval = minimumRefresh,
        };
    }

    public string MetadataUrl { get; }

    /// <summary>
    /// The RSA key with <paramref name="keyId"/>, or null when the metadata does not publish one even after a refresh.
    /// Keys of other types are skipped, as the SDKs do (an EC key's kid is "not found").
    /// </summary>
    /// <exception cref="InvalidOperationException">The metadata or key set could not be read.</exception>
    public async Task<JsonWebKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var configuration = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var key = Find(configuration, keyId);
        if (key is not null)
        {
            return key;
        }

        // Unknown kid: the provider may have rotated keys since the last read. RequestRefresh is throttled by
        // RefreshInterval, so a stream of made-up kids cannot turn into a stream of metadata requests.
        _manager.RequestRefresh();
        configuration = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        return Find(configuration, keyId);
    }

    private static JsonWebKey? Find(OpenIdConnectConfiguration configuration, string keyId)
    {
        JsonWebKey? found = null;
        foreach (var key in configuration.JsonWebKeySet?.Keys ?? [])
        {
            if (string.Equals(key.Kid, keyId, StringComparison.Ordinal) && string.Equals(key.Kty, JsonWebAlgorithmsKeyTypes.RSA, StringComparison.Ordinal))
            {
                // Two published keys with one kid would make the endorsements ambiguous; trust neither.
                if (found is not null)
                {
                    return null;
                }

                found = key;
            }
        }

        return found;
    }
}
