using System.Threading.RateLimiting;
using AuthorBot.BotFramework.Connector;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Token buckets for outgoing announcements: one overall (<see cref="AnnouncementOptions.MaxPerSecond"/>) and one per
/// conversation (<see cref="AnnouncementOptions.PerConversationPerSecond"/>, Teams' 7 per thread). The overall bucket
/// refills in small steps (about every 20 ms) with no burst beyond one step, so the send rate is even rather than a
/// second's worth at once. The per-conversation buckets are <see cref="KeyedTokenBuckets"/>: an announcement touches
/// each conversation about once, and a partitioned limiter would visit every one of them ten times a second.
/// </summary>
internal sealed class DeliveryPacer : IDisposable
{
    private readonly TokenBucketRateLimiter _overall;
    private readonly KeyedTokenBuckets _perConversation;

    public DeliveryPacer(double maxPerSecond, double perConversationPerSecond, TimeProvider? timeProvider = null)
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
        _perConversation = new KeyedTokenBuckets(Math.Max(1, (int)Math.Floor(perConversationPerSecond)), perConversationPerSecond, int.MaxValue, timeProvider);
    }

    /// <summary>Waits for the overall bucket.</summary>
    public async ValueTask WaitOverallAsync(CancellationToken cancellationToken)
    {
        using var lease = await _overall.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for the conversation's bucket.</summary>
    public async ValueTask WaitConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        await _perConversation.WaitAsync(conversationId, cancellationToken).ConfigureAwait(false);

    public void Dispose() => _overall.Dispose();
}
