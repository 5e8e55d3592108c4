using System.Threading.RateLimiting;

namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// Outbound send limits: a token bucket per conversation (Teams' per-thread limit) chained with one per tenant
/// (the per-app limit), so a broadcast waits for tokens instead of collecting 429s. Idle buckets are dropped by
/// the partitioned limiter.
/// </summary>
internal sealed class ConnectorRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<SendKey> _perConversation;
    private readonly PartitionedRateLimiter<SendKey> _perTenant;
    private readonly PartitionedRateLimiter<SendKey> _chained;

    public ConnectorRateLimiter(ConnectorClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _perConversation = PartitionedRateLimiter.Create<SendKey, string>(key => RateLimitPartition.GetTokenBucketLimiter(
            key.ConversationId,
            _ => Bucket(options.PerConversationBurst, options.PerConversationPerPeriod, options)));
        _perTenant = PartitionedRateLimiter.Create<SendKey, string>(key => RateLimitPartition.GetTokenBucketLimiter(
            key.Tenant,
            _ => Bucket(options.PerTenantPerPeriod, options.PerTenantPerPeriod, options)));
        _chained = PartitionedRateLimiter.CreateChained(_perConversation, _perTenant);
    }

    /// <summary>Waits for a send token for <paramref name="conversationId"/> in <paramref name="tenant"/>.</summary>
    /// <exception cref="ConnectorException">Too many sends are already waiting.</exception>
    public async ValueTask<RateLimitLease> AcquireAsync(string conversationId, string tenant, CancellationToken cancellationToken)
    {
        var lease = await _chained.AcquireAsync(new SendKey(conversationId, tenant), 1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new ConnectorException(
                "Outbound send rate limit: too many sends are waiting for this conversation or tenant.",
                null,
                "LocalRateLimitExceeded",
                null);
        }

        return lease;
    }

    public void Dispose()
    {
        _chained.Dispose();
        _perConversation.Dispose();
        _perTenant.Dispose();
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perPeriod, ConnectorClientOptions options) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perPeriod,
        ReplenishmentPeriod = options.RateLimitPeriod,
        QueueLimit = options.MaxQueuedSends,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    internal readonly record struct SendKey(string ConversationId, string Tenant);
}
