using System.Threading.RateLimiting;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Token buckets for outgoing announcements: one overall (<see cref="AnnouncementOptions.MaxPerSecond"/>) and one per
/// conversation (<see cref="AnnouncementOptions.PerConversationPerSecond"/>, Teams' 7 per thread). The overall bucket
/// refills in small steps (about every 20 ms) with no burst beyond one step, so the send rate is even rather than a
/// second's worth at once; idle per-conversation buckets are dropped by the partitioned limiter.
/// </summary>
internal sealed class DeliveryPacer : IDisposable
{
    private readonly TokenBucketRateLimiter _overall;
    private readonly PartitionedRateLimiter<string> _perConversation;

    public DeliveryPacer(double maxPerSecond, double perConversationPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perConversationPerSecond);
        var perStep = Math.Max(1, (int)Math.Round(maxPerSecond * 0.02));
        _overall = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perStep,
            TokensPerPeriod = perStep,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perStep / maxPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        var conversationBurst = Math.Max(1, (int)Math.Floor(perConversationPerSecond));
        _perConversation = PartitionedRateLimiter.Create<string, string>(conversationId => RateLimitPartition.GetTokenBucketLimiter(
            conversationId,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = conversationBurst,
                TokensPerPeriod = conversationBurst,
                ReplenishmentPeriod = TimeSpan.FromSeconds(conversationBurst / perConversationPerSecond),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = false,
            }));
    }

    /// <summary>Waits for the overall bucket.</summary>
    public async ValueTask WaitOverallAsync(CancellationToken cancellationToken)
    {
        using var lease = await _overall.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for the conversation's bucket.</summary>
    public async ValueTask WaitConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var lease = _perConversation.AttemptAcquire(conversationId);
        if (lease.IsAcquired)
        {
            return;
        }

        using var waited = await _perConversation.AcquireAsync(conversationId, 1, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _overall.Dispose();
        _perConversation.Dispose();
    }
}
