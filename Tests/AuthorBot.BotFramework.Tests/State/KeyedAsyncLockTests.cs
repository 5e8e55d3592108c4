using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.State;

public sealed class KeyedAsyncLockTests
{
    [Fact]
    public async Task One_holder_per_key_and_entries_are_freed_when_idle()
    {
        var locks = new KeyedAsyncLock();
        var first = await locks.AcquireAsync("a", CancellationToken.None);
        var waiting = locks.AcquireAsync("a", CancellationToken.None);
        var other = await locks.AcquireAsync("b", CancellationToken.None);

        Assert.False(waiting.IsCompleted);
        Assert.Equal(2, locks.ActiveKeys);

        first.Dispose();
        var second = await waiting;
        second.Dispose();
        other.Dispose();
        Assert.Equal(0, locks.ActiveKeys);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_no_entry_and_disposing_twice_is_harmless()
    {
        var locks = new KeyedAsyncLock();
        var held = await locks.AcquireAsync("a", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = locks.AcquireAsync("a", cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        held.Dispose();

        Assert.Equal(0, locks.ActiveKeys);
        (await locks.AcquireAsync("a", CancellationToken.None)).Dispose();
    }
}
