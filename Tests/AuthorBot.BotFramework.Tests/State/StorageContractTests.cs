using System.Text.Json;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.State;

/// <summary>Behaviour every <see cref="IStorage"/> must show; one subclass per store.</summary>
public abstract class StorageContractTests
{
    protected abstract IStorage Storage { get; }

    [Fact]
    public async Task Written_documents_read_back_with_an_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "hello", Count = 3 } });

        var read = await Storage.ReadAsync(["a"]);

        var element = Assert.IsType<JsonElement>(read["a"]);
        Assert.Equal("hello", element.GetProperty("text").GetString());
        Assert.Equal(3, element.GetProperty("count").GetInt32());
        Assert.False(string.IsNullOrEmpty(element.GetProperty("eTag").GetString()));
        var typed = await Storage.ReadAsync<Note>(["a"]);
        Assert.Equal("hello", typed["a"].Text);
        Assert.Equal(element.GetProperty("eTag").GetString(), typed["a"].ETag);
    }

    [Fact]
    public async Task Missing_keys_are_absent_from_reads()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["present"] = new Note { Text = "x" } });

        var read = await Storage.ReadAsync(["present", "absent"]);

        Assert.Equal(["present"], read.Keys);
    }

    [Fact]
    public async Task Many_keys_are_written_read_and_deleted_together()
    {
        var changes = Enumerable.Range(0, 40).ToDictionary(i => $"k{i}", i => (object)new Note { Count = i });
        await Storage.WriteAsync(changes);

        var read = await Storage.ReadAsync<Note>([.. changes.Keys]);
        Assert.Equal(40, read.Count);
        Assert.All(read, pair => Assert.Equal(pair.Key, $"k{pair.Value.Count}"));

        await Storage.DeleteAsync([.. changes.Keys.Take(30), "never-written"]);
        var left = await Storage.ReadAsync<Note>([.. changes.Keys]);
        Assert.Equal(Enumerable.Range(30, 10).Select(i => $"k{i}").Order(), left.Keys.Order());
    }

    [Fact]
    public async Task Update_with_the_current_etag_succeeds_and_tells_the_item_its_new_etag()
    {
        var note = new Note { Text = "v1" };
        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = note });
        var firstETag = note.ETag;
        Assert.False(string.IsNullOrEmpty(firstETag));

        note.Text = "v2";
        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = note });

        Assert.NotEqual(firstETag, note.ETag);
        var read = await Storage.ReadAsync<Note>(["n"]);
        Assert.Equal("v2", read["n"].Text);
        Assert.Equal(note.ETag, read["n"].ETag);
    }

    [Fact]
    public async Task Stale_etag_fails_with_a_typed_exception_and_keeps_the_stored_value()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "original" } });
        var first = (await Storage.ReadAsync<Note>(["n"]))["n"];
        var second = (await Storage.ReadAsync<Note>(["n"]))["n"];
        second.Text = "second wins";
        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = second });

        first.Text = "stale";
        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(
            () => Storage.WriteAsync(new Dictionary<string, object> { ["n"] = first }));

        Assert.Equal("n", error.Key);
        Assert.Equal("second wins", (await Storage.ReadAsync<Note>(["n"]))["n"].Text);
    }

    [Fact]
    public async Task A_conflict_in_a_batch_writes_nothing_from_that_batch()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "kept" } });

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage.WriteAsync(new Dictionary<string, object>
        {
            ["fresh"] = new Note { Text = "should not appear" },
            ["n"] = new Note { Text = "stale", ETag = "not-the-current-etag" },
        }));

        var read = await Storage.ReadAsync<Note>(["fresh", "n"]);
        Assert.Equal(["n"], read.Keys);
        Assert.Equal("kept", read["n"].Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(StorageETag.Any)]
    public async Task Null_or_star_etag_is_last_write_wins(string? eTag)
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "first" } });

        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "second", ETag = eTag } });

        Assert.Equal("second", (await Storage.ReadAsync<Note>(["n"]))["n"].Text);
    }

    [Fact]
    public async Task Create_only_writes_once()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "first", ETag = StorageETag.CreateOnly } });

        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            Storage.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "second", ETag = StorageETag.CreateOnly } }));

        Assert.Equal("first", (await Storage.ReadAsync<Note>(["n"]))["n"].Text);
    }

    [Fact]
    public async Task Writing_with_the_etag_of_a_deleted_document_is_a_conflict()
    {
        var note = new Note { Text = "v1" };
        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = note });
        await Storage.DeleteAsync(["n"]);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            Storage.WriteAsync(new Dictionary<string, object> { ["n"] = note }));
        Assert.Empty(await Storage.ReadAsync(["n"]));
    }

    [Fact]
    public async Task Etag_inside_a_json_document_is_honoured()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "v1" } });
        var read = (JsonElement)(await Storage.ReadAsync(["n"]))["n"];

        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "v2" } });

        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            Storage.WriteAsync(new Dictionary<string, object> { ["n"] = read }));
    }

    [Fact]
    public async Task Untyped_values_round_trip_as_plain_clr_values()
    {
        var bag = new Dictionary<string, object?>
        {
            ["name"] = "Ada",
            ["age"] = 36,
            ["ratio"] = 0.5,
            ["subscribed"] = true,
            ["nothing"] = null,
            ["tags"] = new List<object?> { "a", 2L },
            ["nested"] = new Dictionary<string, object?> { ["deep"] = new Dictionary<string, object?> { ["ok"] = false } },
        };
        await Storage.WriteAsync(new Dictionary<string, object> { ["bag"] = new Bag { Values = bag } });

        var values = (await Storage.ReadAsync<Bag>(["bag"]))["bag"].Values;

        Assert.Equal("Ada", values["name"]);
        Assert.Equal(36L, values["age"]);
        Assert.Equal(0.5, values["ratio"]);
        Assert.Equal(true, values["subscribed"]);
        Assert.Null(values["nothing"]);
        Assert.Equal(new List<object?> { "a", 2L }, values["tags"]);
        var nested = Assert.IsType<Dictionary<string, object?>>(values["nested"]);
        var deep = Assert.IsType<Dictionary<string, object?>>(nested["deep"]);
        Assert.Equal(false, deep["ok"]);
    }

    [Fact]
    public async Task Bad_input_is_a_clear_argument_error()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.WriteAsync(new Dictionary<string, object> { [string.Empty] = new Note() }));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.WriteAsync(new Dictionary<string, object> { ["n"] = null! }));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.WriteAsync(new Dictionary<string, object> { ["n"] = 42 }));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.ReadAsync([string.Empty]));
    }

    [Fact]
    public async Task Concurrent_writers_with_etags_never_lose_an_update()
    {
        const int writers = 8;
        const int incrementsEach = 10;
        await Storage.WriteAsync(new Dictionary<string, object> { ["counter"] = new Note { Count = 0 } });

        var tasks = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var done = 0; done < incrementsEach;)
            {
                var note = (await Storage.ReadAsync<Note>(["counter"]))["counter"];
                note.Count++;
                try
                {
                    await Storage.WriteAsync(new Dictionary<string, object> { ["counter"] = note });
                    done++;
                }
                catch (StorageConcurrencyException)
                {
                    // Lost the race: read again and re-apply.
                }
            }
        }));
        await Task.WhenAll(tasks);

        Assert.Equal(writers * incrementsEach, (await Storage.ReadAsync<Note>(["counter"]))["counter"].Count);
    }

    public sealed class Note : IStoreItem
    {
        public string? Text { get; set; }

        public int Count { get; set; }

        public string? ETag { get; set; }
    }

    public sealed class Bag
    {
        public Dictionary<string, object?> Values { get; set; } = [];
    }
}
