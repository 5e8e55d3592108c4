using System.Collections.Concurrent;
using AuthorBot.BotFramework.Connector;

namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Which service URLs the bot may call, and so store for proactive messages. With an app id configured, only a URL that
/// arrived in an authenticated request (this run, or recorded in <see cref="IServiceUrlTrustStore"/> by an earlier one)
/// is trusted, so a conversation reference stored from an unauthenticated activity can never send a reader's data, or
/// the bot's token, elsewhere. In anonymous development mode (no token checked or sent, the host on loopback) only
/// loopback URLs are trusted, where Emulator listens. URLs on <see cref="ServiceUrlAllowList"/> are trusted in both.
/// Trust says who may be called; <see cref="OutboundAddressPolicy"/> then checks where the call actually connects.
/// </summary>
public sealed class ServiceUrlTrust
{
    // Service URLs are per channel region (a handful), plus one per Emulator session; the cap only bounds memory
    // against a flood of distinct URLs from a credential holder. Past it, lookups fall through to the store.
    private const int MaxCached = 10_000;

    private readonly IServiceUrlTrustStore? _store;
    private readonly ServiceUrlAllowList _allowList;
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the trust list; <paramref name="enforced"/> is false in anonymous mode.</summary>
    public ServiceUrlTrust(bool enforced, IServiceUrlTrustStore? store = null, ServiceUrlAllowList? allowList = null)
    {
        IsEnforced = enforced;
        _store = store;
        _allowList = allowList ?? new ServiceUrlAllowList();
    }

    /// <summary>False in anonymous development mode, where loopback URLs are trusted without authentication.</summary>
    public bool IsEnforced { get; }

    /// <summary>Why an untrusted URL is refused, in words for the log.</summary>
    public string RefusalReason => IsEnforced
        ? "that service URL never arrived in an authenticated request, so neither a reader's messages nor the bot's token may go there"
        : "in anonymous development mode only loopback service URLs (Emulator) are called, unless BotFramework:Connector:AllowedServiceUrls lists it";

    /// <summary>Records the service URL of an authenticated request (nothing for a null or invalid one).</summary>
    public async Task TrustAsync(string? serviceUrl, CancellationToken cancellationToken)
    {
        if (!IsEnforced || !ConnectorClient.IsValidServiceUrl(serviceUrl))
        {
            return;
        }

        var key = ConnectorClient.NormalizeBaseUrl(serviceUrl);
        if (_trusted.ContainsKey(key))
        {
            return;
        }

        if (_store is not null)
        {
            await _store.AddAsync(key, cancellationToken).ConfigureAwait(false);
        }

        if (_trusted.Count < MaxCached)
        {
            _trusted.TryAdd(key, 0);
        }
    }

    /// <summary>True when the bot may call <paramref name="serviceUrl"/>.</summary>
    public async ValueTask<bool> IsTrustedAsync(string? serviceUrl, CancellationToken cancellationToken)
    {
        if (!ConnectorClient.IsValidServiceUrl(serviceUrl))
        {
            return false;
        }

        if (_allowList.Contains(serviceUrl))
        {
            return true;
        }

        if (!IsEnforced)
        {
            return OutboundAddressPolicy.IsLoopbackHost(new Uri(serviceUrl!).Host);
        }

        var key = ConnectorClient.NormalizeBaseUrl(serviceUrl);
        if (_trusted.ContainsKey(key))
        {
            return true;
        }

        if (_store is null || !await _store.ContainsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (_trusted.Count < MaxCached)
        {
            _trusted.TryAdd(key, 0);
        }

        return true;
    }
}
