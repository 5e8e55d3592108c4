namespace AuthorBot.Bot.Tests.Dialogs;

/// <summary>A clock that stands still, so consent timestamps can be asserted exactly.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
