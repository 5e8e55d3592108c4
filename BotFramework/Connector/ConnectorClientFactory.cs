using AuthorBot.BotFramework.Auth;
using Microsoft.Extensions.Options;
using Polly;

namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// Creates <see cref="ConnectorClient"/>s on the named <see cref="IHttpClientFactory"/> client
/// <see cref="HttpClientName"/> (pooled handlers), sharing one retry pipeline and the outbound send rate limits.
/// </summary>
public sealed class ConnectorClientFactory : IConnectorClientFactory, IDisposable
{
    /// <summary>The name of the HTTP client used for Connector calls.</summary>
    public const string HttpClientName = "AuthorBot.BotFramework.Connector";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOutboundCredentialProvider _credentials;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ConnectorRateLimiter? _rateLimiter;
    private readonly ServiceUrlTrust? _trust;
    private readonly OutboundRefusalLog? _refusals;

    /// <summary>Creates the factory.</summary>
    public ConnectorClientFactory(IHttpClientFactory httpClientFactory, IOutboundCredentialProvider credentials, IOptions<ConnectorClientOptions> options, TimeProvider? timeProvider = null, ServiceUrlTrust? trust = null)
        : this(httpClientFactory, credentials, options, timeProvider, trust, null)
    {
    }

    internal ConnectorClientFactory(IHttpClientFactory httpClientFactory, IOutboundCredentialProvider credentials, IOptions<ConnectorClientOptions> options, TimeProvider? timeProvider, ServiceUrlTrust? trust, OutboundRefusalLog? refusals)
    {
        _refusals = refusals;
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory;
        _credentials = credentials;
        _pipeline = ConnectorRetry.CreatePipeline(options.Value, timeProvider ?? TimeProvider.System);
        _rateLimiter = options.Value.RateLimitsSends ? new ConnectorRateLimiter(options.Value, timeProvider) : null;
        _trust = trust;
    }

    /// <inheritdoc/>
    public IConnectorClient Create(string serviceUrl) =>
        new ConnectorClient(serviceUrl, _httpClientFactory.CreateClient(HttpClientName), _pipeline, _credentials, _rateLimiter, _trust, _refusals);

    /// <summary>Stops the outbound rate limiters' timers.</summary>
    public void Dispose() => _rateLimiter?.Dispose();
}
