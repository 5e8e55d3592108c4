using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.State;

/// <summary>User and conversation state of a turn travel together: one read before the turn, one write after it.</summary>
public sealed class AutoSaveStateMiddlewareTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public static TheoryData<string> Stores => ["memory", "sqlite"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Loading_before_the_turn_reads_both_states_at_once_and_saves_them_in_one_write(string store)
    {
        using var disposable = store == "sqlite" ? new SqliteStorage(_folder.File("state.db")) : null;
        var storage = new CountingStorage(disposable ?? (IStorage)new MemoryStorage());
        var userState = new UserState(storage);
        var conversationState = new ConversationState(storage);
        var adapter = new TestAdapter();
        adapter.Use(new AutoSaveStateMiddleware(userState, conversationState) { LoadBeforeTurn = true });
        var visits = userState.CreateProperty<int>("visits");
        var turns = conversationState.CreateProperty<int>("turns");

        for (var i = 0; i < 3; i++)
        {
            await adapter.ProcessActivityAsync(adapter.MakeActivity("hi"), async (turn, ct) =>
            {
                await visits.SetAsync(turn, await visits.GetAsync(turn, () => 0, ct) + 1, ct);
                await turns.SetAsync(turn, await turns.GetAsync(turn, () => 0, ct) + 10, ct);
            });
        }

        Assert.Equal(3, storage.Reads);
        Assert.Equal(3, storage.Writes);
        var check = adapter.MakeActivity("check");
        int seenVisits = 0, seenTurns = 0;
        var checker = new TestAdapter();
        checker.Use(new AutoSaveStateMiddleware(userState, conversationState));
        await checker.ProcessActivityAsync(check, async (turn, ct) =>
        {
            seenVisits = await visits.GetAsync(turn, () => 0, ct);
            seenTurns = await turns.GetAsync(turn, () => 0, ct);
        });
        Assert.Equal((3, 30), (seenVisits, seenTurns));
    }

    [Fact]
    public async Task A_state_the_turn_already_holds_is_not_read_again()
    {
        var storage = new CountingStorage(new MemoryStorage());
        var userState = new UserState(storage);
        var conversationState = new ConversationState(storage);
        var set = new BotStateSet(userState, conversationState);
        var turn = Turns.For();

        await userState.LoadAsync(turn);
        await set.LoadAllAsync(turn);
        await set.LoadAllAsync(turn);

        Assert.Equal(2, storage.Reads);
    }

    public void Dispose() => _folder.Dispose();
}
