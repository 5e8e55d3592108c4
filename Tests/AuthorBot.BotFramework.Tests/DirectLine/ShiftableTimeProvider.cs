namespace AuthorBot.BotFramework.Tests.DirectLine;

/// <summary>The real clock plus an offset a test can move forward (to expire tokens without waiting).</summary>
internal sealed class ShiftableTimeProvider : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
