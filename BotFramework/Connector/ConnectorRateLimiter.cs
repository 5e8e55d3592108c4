using System.Threading.RateLimiting;

namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// Outbound send limits: a token bucket per conversation (Teams' per-thread limit) and then one per tenant (the
/// per-app limit), so a broadcast waits for tokens instead of collecting 429s. The per-conversation buckets are
/// <see cref="KeyedTokenBuckets"/> (a broadcast touches thousands of conversations once each); the few tenants keep a
/// partitioned limiter, whose idle buckets it drops itself.
/// </summary>
internal sealed class ConnectorRateLimiter : IDisposable
{
    private readonly KeyedTokenBuckets _perConversation;
    private readonly PartitionedRateLimiter<string> _perTenant;

    public ConnectorRateLimiter(ConnectorClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _perConversation = new KeyedTokenBuckets(
            options.PerConversationBurst,
            options.PerConversationPerPeriod / options.RateLimitPeriod.TotalSeconds,
            options.MaxQueuedSends,
            timeProvider);
        _perTenant = PartitionedRateLimiter.Create<string, string>(tenant => RateLimitPartition.GetTokenBucketLimiter(
            tenant,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.PerTenantPerPeriod,
                TokensPerPeriod = options.PerTenantPerPeriod,
                ReplenishmentPeriod = options.RateLimitPeriod,
                QueueLimit = options.MaxQueuedSends,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Waits for a send token for <paramref name="conversationId"/> in <paramref name="tenant"/>.</summary>
    /// <exception cref="ConnectorException">Too many sends are already waiting.</exception>
    public async ValueTask<RateLimitLease> AcquireAsync(string conversationId, string tenant, CancellationToken cancellationToken)
    {
        if (!await _perConversation.WaitAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            throw LimitExceeded();
        }

        var lease = await _perTenant.AcquireAsync(tenant, 1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw LimitExceeded();
        }

        return lease;
    }

    public void Dispose() => _perTenant.Dispose();

    private static ConnectorException LimitExceeded() => new(
        "Outbound send rate limit: too many sends are waiting for this conversation or tenant.",
        null,
        "LocalRateLimitExceeded",
        null);
}
