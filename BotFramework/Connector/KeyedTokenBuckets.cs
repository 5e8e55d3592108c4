namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// A token bucket per key (a conversation), refilled lazily from the clock when the key is used. A send takes a token
/// if one is there, otherwise reserves the next one and waits until it is due; reservations are served in arrival
/// order and are bounded per key.
/// </summary>
/// <remarks>
/// <see cref="System.Threading.RateLimiting.PartitionedRateLimiter"/> keeps one limiter per key and visits every one
/// of them on a 100 ms heartbeat until it has been idle for 10 s. A broadcast touches each conversation once, so at
/// 2,000 sends a second that is some 20,000 limiters visited ten times a second, for nothing (measured at 5-7 % of the
/// bot's CPU during an announcement). Here a key costs a dictionary entry; entries whose bucket has refilled completely
/// are dropped by an occasional sweep, since a full bucket is the same as none.
/// </remarks>
public sealed class KeyedTokenBuckets
{
    private const int SweepThreshold = 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly double _capacity;
    private readonly double _tokensPerTick;
    private readonly int _maxQueued;
    private readonly TimeProvider _time;
    private readonly long _sweepEvery;
    private long _lastSweep;

    /// <summary>Creates the buckets.</summary>
    /// <param name="capacity">Tokens a key may use at once (its burst); a new key starts full.</param>
    /// <param name="tokensPerSecond">Sustained refill rate per key.</param>
    /// <param name="maxQueued">Sends that may wait for a token per key; beyond that a send is refused.</param>
    /// <param name="timeProvider">The clock (tests pass a fake one).</param>
    public KeyedTokenBuckets(int capacity, double tokensPerSecond, int maxQueued, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokensPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueued);
        _time = timeProvider ?? TimeProvider.System;
        _capacity = capacity;
        _tokensPerTick = tokensPerSecond / _time.TimestampFrequency;
        _maxQueued = maxQueued;
        _sweepEvery = _time.TimestampFrequency;
        _lastSweep = _time.GetTimestamp();
    }

    /// <summary>Keys currently holding a bucket that is not full.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>
    /// Takes a token for <paramref name="key"/>: the wait before the send may go (zero when a token was there), or
    /// null when <c>maxQueued</c> sends of this key already wait (nothing is taken then).
    /// </summary>
    /// <param name="key">The key (conversation id).</param>
    /// <returns>The wait, or null when refused.</returns>
    public TimeSpan? TryReserve(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                SweepIfDue(now);
                bucket = new Bucket(_capacity, now);
                _buckets[key] = bucket;
            }
            else
            {
                bucket.Tokens = Math.Min(_capacity, bucket.Tokens + ((now - bucket.Stamp) * _tokensPerTick));
                bucket.Stamp = now;
            }

            var after = bucket.Tokens - 1;
            if (after < -_maxQueued)
            {
                return null;
            }

            bucket.Tokens = after;
            return after >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-after / (_tokensPerTick * _time.TimestampFrequency));
        }
    }

    /// <summary>Waits for a token for <paramref name="key"/>; false when too many sends of this key already wait.</summary>
    /// <param name="key">The key (conversation id).</param>
    /// <param name="cancellationToken">Cancels the wait (the reserved token is not given back).</param>
    /// <returns>True once the send may go.</returns>
    public async ValueTask<bool> WaitAsync(string key, CancellationToken cancellationToken)
    {
        if (TryReserve(key) is not { } wait)
        {
            return false;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private void SweepIfDue(long now)
    {
        if (_buckets.Count < SweepThreshold || now - _lastSweep < _sweepEvery)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.Tokens + ((now - bucket.Stamp) * _tokensPerTick) >= _capacity)
            {
                _buckets.Remove(key);
            }
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}
