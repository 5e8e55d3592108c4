using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.State;

/// <summary>Many turns of one reader at once: serialized turns lose nothing; unserialized ones report conflicts.</summary>
public sealed class ParallelTurnsTests : IDisposable
{
    private const int Turns = 32;
    private readonly TemporaryFolder _folder = new();

    public static TheoryData<string> Stores => ["memory", "sqlite"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Serialized_parallel_turns_for_one_reader_never_lose_an_increment(string store)
    {
        var storage = CreateStorage(store);
        var userState = new UserState(storage);
        var serializer = new TurnSerializationMiddleware();
        var adapter = new TestAdapter();
        adapter.Use(serializer).Use(new AutoSaveStateMiddleware(userState));
        var counter = userState.CreateProperty<Counter>("counter");

        await Task.WhenAll(Enumerable.Range(0, Turns).Select(_ => Task.Run(() =>
            adapter.ProcessActivityAsync(adapter.MakeActivity("+1"), (turn, ct) => IncrementAsync(counter, turn, ct)))));

        Assert.Equal(Turns, await ReadCountAsync(storage));
        Assert.Equal(0, serializer.ActiveKeys);
        (storage as IDisposable)?.Dispose();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Unserialized_parallel_turns_report_conflicts_instead_of_overwriting(string store)
    {
        var storage = CreateStorage(store);
        var userState = new UserState(storage);
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(userState));
        var counter = userState.CreateProperty<Counter>("counter");
        var conflicts = 0;
        adapter.OnTurnError = (_, error) =>
        {
            Assert.IsType<StorageConcurrencyException>(error);
            Interlocked.Increment(ref conflicts);
            return Task.CompletedTask;
        };

        await Task.WhenAll(Enumerable.Range(0, Turns).Select(_ => Task.Run(() =>
            adapter.ProcessActivityAsync(adapter.MakeActivity("+1"), (turn, ct) => IncrementAsync(counter, turn, ct)))));

        // Every turn either saved its increment or was told it conflicted; none vanished silently.
        Assert.Equal(Turns - conflicts, await ReadCountAsync(storage));
        (storage as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task Retry_middleware_reruns_the_turn_with_fresh_state_after_a_conflict()
    {
        var storage = new CountingStorage(new MemoryStorage());
        var userState = new UserState(storage);
        var adapter = new TestAdapter();
        adapter.Use(new RetryOnStateConflictMiddleware(userState) { BaseDelay = TimeSpan.Zero }).Use(new AutoSaveStateMiddleware(userState));
        var counter = userState.CreateProperty<Counter>("counter");
        var runs = 0;
        storage.FailNextWritesWithConflict(2);

        await adapter.ProcessActivityAsync(adapter.MakeActivity("+1"), async (turn, ct) =>
        {
            runs++;
            await IncrementAsync(counter, turn, ct);
        });

        Assert.Equal(3, runs);
        Assert.Equal(1, await ReadCountAsync(storage));
    }

    [Fact]
    public async Task Retry_middleware_gives_up_after_its_attempts_and_rethrows()
    {
        var storage = new CountingStorage(new MemoryStorage());
        var userState = new UserState(storage);
        var adapter = new TestAdapter();
        adapter.Use(new RetryOnStateConflictMiddleware(userState) { MaxAttempts = 3, BaseDelay = TimeSpan.Zero }).Use(new AutoSaveStateMiddleware(userState));
        var counter = userState.CreateProperty<Counter>("counter");
        storage.FailNextWritesWithConflict(10);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            adapter.ProcessActivityAsync(adapter.MakeActivity("+1"), (turn, ct) => IncrementAsync(counter, turn, ct)));

        Assert.Equal(3, storage.Writes);
        Assert.Empty(await storage.ReadAsync(["test/users/user1"]));
    }

    public void Dispose() => _folder.Dispose();

    private static async Task IncrementAsync(IStatePropertyAccessor<Counter> counter, ITurnContext turn, CancellationToken ct)
    {
        var value = await counter.GetAsync(turn, () => new Counter(), ct);

        // Yield between read and write so racing turns really interleave.
        await Task.Yield();
        value.Count++;
        await turn.SendActivityAsync($"count {value.Count}", cancellationToken: ct);
    }

    private static async Task<int> ReadCountAsync(IStorage storage)
    {
        var stored = await storage.ReadAsync<CounterDocument>(["test/users/user1"]);
        return stored.TryGetValue("test/users/user1", out var document) ? document.Counter.Count : 0;
    }

    private IStorage CreateStorage(string store) =>
        store == "sqlite" ? new SqliteStorage(_folder.File("state.db")) : new MemoryStorage();

    public sealed class Counter
    {
        public int Count { get; set; }
    }

    public sealed class CounterDocument
    {
        public Counter Counter { get; set; } = new();
    }
}
