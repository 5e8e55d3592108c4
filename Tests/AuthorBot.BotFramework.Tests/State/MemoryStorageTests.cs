using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.State;

public sealed class MemoryStorageTests : StorageContractTests
{
    protected override IStorage Storage { get; } = new MemoryStorage();

    [Fact]
    public async Task Changing_a_written_object_afterwards_does_not_change_the_store()
    {
        var note = new Note { Text = "stored" };
        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = note });

        note.Text = "changed in memory only";

        Assert.Equal("stored", (await Storage.ReadAsync<Note>(["n"]))["n"].Text);
    }
}
