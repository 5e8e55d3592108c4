namespace AuthorBot.Bot.Tests.Quiz;

/// <summary>The app's clock, running from <paramref name="start"/> and moved on by the test (a day later) while the host runs.</summary>
internal sealed class ShiftingClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startedAt = TimeProvider.System.GetTimestamp();
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() =>
        start + TimeProvider.System.GetElapsedTime(_startedAt) + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
