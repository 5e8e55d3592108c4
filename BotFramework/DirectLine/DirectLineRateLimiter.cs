using System.Globalization;
using System.Threading.RateLimiting;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// A token bucket per conversation (or per client address before a conversation is known). A
/// refused request gets 429 with <c>Retry-After</c> in milliseconds, the unit DirectLineJS reads it in.
/// </summary>
internal sealed class DirectLineRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public DirectLineRateLimiter(DirectLineOptions options)
    {
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.RateLimitBurst),
            TokensPerPeriod = Math.Max(1, options.RateLimitPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket), StringComparer.Ordinal);
    }

    /// <summary>Takes one permit for <paramref name="partition"/>; null when granted, else the wait in milliseconds.</summary>
    public long? TryAcquire(string partition)
    {
        using var lease = _limiter.AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (long)Math.Ceiling(retryAfter.TotalMilliseconds))
            : 1000;
    }

    public static string FormatRetryAfter(long milliseconds) => milliseconds.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _limiter.Dispose();
}
