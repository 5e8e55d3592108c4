using AuthorBot.BotFramework.Connector;

namespace AuthorBot.BotFramework.Tests.Connector;

public sealed class KeyedTokenBucketsTests
{
    private static readonly TimeSpan _tolerance = TimeSpan.FromTicks(10);

    [Fact]
    public void A_new_key_may_burst_then_waits_one_refill_interval_per_queued_send()
    {
        var clock = new ManualClock();
        var buckets = new KeyedTokenBuckets(capacity: 2, tokensPerSecond: 4, maxQueued: 2, clock);

        Assert.Equal(TimeSpan.Zero, buckets.TryReserve("c1"));
        Assert.Equal(TimeSpan.Zero, buckets.TryReserve("c1"));
        AssertClose(TimeSpan.FromMilliseconds(250), buckets.TryReserve("c1"));
        AssertClose(TimeSpan.FromMilliseconds(500), buckets.TryReserve("c1"));
        Assert.Null(buckets.TryReserve("c1"));
        Assert.Equal(TimeSpan.Zero, buckets.TryReserve("c2"));
    }

    [Fact]
    public void Tokens_come_back_with_time_up_to_the_burst()
    {
        var clock = new ManualClock();
        var buckets = new KeyedTokenBuckets(capacity: 2, tokensPerSecond: 4, maxQueued: 0, clock);
        buckets.TryReserve("c1");
        buckets.TryReserve("c1");
        Assert.Null(buckets.TryReserve("c1"));

        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(TimeSpan.Zero, buckets.TryReserve("c1"));
        Assert.Null(buckets.TryReserve("c1"));

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, buckets.TryReserve("c1"));
        Assert.Equal(TimeSpan.Zero, buckets.TryReserve("c1"));
        Assert.Null(buckets.TryReserve("c1"));
    }

    [Fact]
    public void Keys_whose_bucket_refilled_are_forgotten()
    {
        var clock = new ManualClock();
        var buckets = new KeyedTokenBuckets(capacity: 1, tokensPerSecond: 1, maxQueued: 10, clock);
        for (var i = 0; i < 2000; i++)
        {
            buckets.TryReserve("c" + i);
        }

        Assert.Equal(2000, buckets.Count);
        clock.Advance(TimeSpan.FromSeconds(2));
        buckets.TryReserve("late");

        Assert.Equal(1, buckets.Count);
    }

    [Fact]
    public async Task Waiting_lets_a_send_with_a_token_go_and_refuses_one_beyond_the_queue()
    {
        var buckets = new KeyedTokenBuckets(capacity: 1, tokensPerSecond: 1, maxQueued: 0, new ManualClock());

        Assert.True(await buckets.WaitAsync("c1", CancellationToken.None));
        Assert.False(await buckets.WaitAsync("c1", CancellationToken.None));
    }

    private static void AssertClose(TimeSpan expected, TimeSpan? actual)
    {
        Assert.NotNull(actual);
        Assert.InRange(actual.Value, expected - _tolerance, expected + _tolerance);
    }

    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _timestamp = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _timestamp;

        public void Advance(TimeSpan by) => _timestamp += by.Ticks;
    }
}
