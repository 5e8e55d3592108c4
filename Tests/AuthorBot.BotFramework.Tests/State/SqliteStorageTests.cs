using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.State;

public sealed class SqliteStorageTests : StorageContractTests, IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly SqliteStorage _storage;

    public SqliteStorageTests()
    {
        // A nested folder that does not exist yet: the store must create it.
        _storage = new SqliteStorage(_folder.File(Path.Combine("App_Data", "state.db")));
    }

    protected override IStorage Storage => _storage;

    [Fact]
    public async Task The_file_and_its_folder_are_created_on_first_use()
    {
        Assert.False(File.Exists(_storage.DatabasePath));

        await _storage.ReadAsync(["anything"]);

        Assert.True(File.Exists(_storage.DatabasePath));
    }

    [Fact]
    public async Task Data_survives_reopening_the_file()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "durable", Count = 7 } });
        var before = (await _storage.ReadAsync<Note>(["n"]))["n"];
        _storage.Dispose();

        using var reopened = new SqliteStorage(_storage.DatabasePath);
        var after = (await reopened.ReadAsync<Note>(["n"]))["n"];

        Assert.Equal("durable", after.Text);
        Assert.Equal(7, after.Count);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task Two_store_instances_on_one_file_see_each_others_conflicts()
    {
        using var other = new SqliteStorage(_storage.DatabasePath);
        await _storage.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "v1" } });
        var readHere = (await _storage.ReadAsync<Note>(["n"]))["n"];
        var readThere = (await other.ReadAsync<Note>(["n"]))["n"];

        readThere.Text = "there";
        await other.WriteAsync(new Dictionary<string, object> { ["n"] = readThere });
        readHere.Text = "here";

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => _storage.WriteAsync(new Dictionary<string, object> { ["n"] = readHere }));
        Assert.Equal("there", (await _storage.ReadAsync<Note>(["n"]))["n"].Text);
    }

    public void Dispose()
    {
        _storage.Dispose();
        _folder.Dispose();
    }
}
