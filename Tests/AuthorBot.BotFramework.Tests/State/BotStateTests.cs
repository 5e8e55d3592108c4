using System.Text.Json;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.State;

public sealed class BotStateTests
{
    private readonly MemoryStorage _storage = new();

    [Fact]
    public async Task User_and_conversation_state_use_channel_scoped_keys()
    {
        var userState = new UserState(_storage);
        var conversationState = new ConversationState(_storage);
        var turn = Turns.For(user: "29:abc", conversation: "19:chat@thread", channel: "msteams");

        await userState.CreateProperty<Profile>("profile").SetAsync(turn, new Profile { Name = "Ada" });
        await conversationState.CreateProperty<int>("step").SetAsync(turn, 2);
        await userState.SaveChangesAsync(turn);
        await conversationState.SaveChangesAsync(turn);

        var stored = await _storage.ReadAsync(["msteams/users/29:abc", "msteams/conversations/19:chat@thread"]);
        Assert.Equal("Ada", ((JsonElement)stored["msteams/users/29:abc"]).GetProperty("profile").GetProperty("name").GetString());
        Assert.Equal(2, ((JsonElement)stored["msteams/conversations/19:chat@thread"]).GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task Values_survive_into_the_next_turn_and_changes_to_returned_objects_are_saved()
    {
        var state = new UserState(_storage);
        var profile = state.CreateProperty<Profile>("profile");

        var first = Turns.For();
        var created = await profile.GetAsync(first, () => new Profile { Name = "new reader" });
        created.Interests.Add("fantasy");
        await state.SaveChangesAsync(first);

        var second = Turns.For();
        var loaded = await profile.GetAsync(second, () => new Profile());
        Assert.Equal("new reader", loaded.Name);
        Assert.Equal(["fantasy"], loaded.Interests);
        Assert.Same(loaded, await profile.GetAsync(second, () => new Profile()));
    }

    [Fact]
    public async Task Get_without_factory_returns_default_and_delete_removes_the_property()
    {
        var state = new ConversationState(_storage);
        var count = state.CreateProperty<int>("count");
        var name = state.CreateProperty<string>("name");
        var turn = Turns.For();

        Assert.Equal(0, await count.GetAsync(turn));
        Assert.Null(await name.GetAsync(turn));
        await name.SetAsync(turn, "x");
        await state.SaveChangesAsync(turn);

        var next = Turns.For();
        Assert.Equal("x", await name.GetAsync(next));
        await name.DeleteAsync(next);
        await state.SaveChangesAsync(next);

        Assert.Null(await name.GetAsync(Turns.For()));
    }

    [Fact]
    public async Task State_is_loaded_once_and_unchanged_state_is_not_written()
    {
        var counting = new CountingStorage(_storage);
        var state = new UserState(counting);
        var profile = state.CreateProperty<Profile>("profile");
        var setup = Turns.For();
        await profile.SetAsync(setup, new Profile { Name = "Ada" });
        await state.SaveChangesAsync(setup);
        Assert.Equal(1, counting.Writes);

        var readOnly = Turns.For();
        Assert.Equal("Ada", (await profile.GetAsync(readOnly, () => new Profile())).Name);
        await state.SaveChangesAsync(readOnly);
        Assert.Equal(1, counting.Writes);

        await state.SaveChangesAsync(readOnly, force: true);
        Assert.Equal(2, counting.Writes);
    }

    [Fact]
    public async Task Saving_twice_in_one_turn_uses_the_new_etag()
    {
        var state = new UserState(_storage);
        var count = state.CreateProperty<int>("count");
        var turn = Turns.For();

        await count.SetAsync(turn, 1);
        await state.SaveChangesAsync(turn);
        await count.SetAsync(turn, 2);
        await state.SaveChangesAsync(turn);

        Assert.Equal(2, await count.GetAsync(Turns.For()));
    }

    [Fact]
    public async Task A_turn_that_read_stale_state_cannot_overwrite_a_newer_save()
    {
        var state = new UserState(_storage);
        var count = state.CreateProperty<int>("count");
        var setup = Turns.For();
        await count.SetAsync(setup, 10);
        await state.SaveChangesAsync(setup);

        var slow = Turns.For();
        var fast = Turns.For();
        await count.SetAsync(slow, await count.GetAsync(slow) + 1);
        await count.SetAsync(fast, await count.GetAsync(fast) + 1);
        await state.SaveChangesAsync(fast);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => state.SaveChangesAsync(slow));
        Assert.Equal(11, await count.GetAsync(Turns.For()));
    }

    [Fact]
    public async Task Two_first_writers_do_not_silently_overwrite_each_other()
    {
        var state = new UserState(_storage);
        var name = state.CreateProperty<string>("name");
        var a = Turns.For();
        var b = Turns.For();
        await name.SetAsync(a, "from a");
        await name.SetAsync(b, "from b");

        await state.SaveChangesAsync(a);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => state.SaveChangesAsync(b));
        Assert.Equal("from a", await name.GetAsync(Turns.For()));
    }

    [Fact]
    public async Task Clear_and_delete_empty_the_state()
    {
        var state = new UserState(_storage);
        var name = state.CreateProperty<string>("name");
        var turn = Turns.For();
        await name.SetAsync(turn, "x");
        await state.SaveChangesAsync(turn);

        var clearing = Turns.For();
        await state.ClearStateAsync(clearing);
        await state.SaveChangesAsync(clearing);
        Assert.Null(await name.GetAsync(Turns.For()));

        var deleting = Turns.For();
        await name.SetAsync(deleting, "y");
        await state.SaveChangesAsync(deleting);
        await state.DeleteAsync(deleting);
        Assert.Empty(await _storage.ReadAsync(["test/users/user1"]));
    }

    [Fact]
    public async Task Missing_ids_and_mismatched_stored_json_are_clear_errors()
    {
        var state = new UserState(_storage);
        var turn = Turns.For();
        turn.Activity.From = null;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => state.CreateProperty<int>("n").GetAsync(turn));
        Assert.Contains("from.id", error.Message, StringComparison.Ordinal);

        await _storage.WriteAsync(new Dictionary<string, object> { ["test/users/user1"] = new { count = "not a number" } });
        var mismatch = await Assert.ThrowsAsync<StateFormatException>(() => state.CreateProperty<List<int>>("count").GetAsync(Turns.For()));
        Assert.Equal("count", mismatch.PropertyName);
        Assert.Single(await _storage.ReadAsync(["test/users/user1"]));
    }

    public sealed class Profile
    {
        public string? Name { get; set; }

        public List<string> Interests { get; set; } = [];
    }
}
