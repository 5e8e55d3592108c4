using System.Text.Json;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineSharedStorageTests
{
    [Fact]
    public async Task The_conversation_log_leaves_the_bots_conversation_state_in_the_same_storage_alone()
    {
        var storage = new MemoryStorage();
        await using var server = await DirectLineTestServer.StartAsync(storage);
        var (conversationId, token, _) = await server.StartConversationAsync();
        // ConversationState's key for this conversation (Bot Builder's "{channelId}/conversations/{conversationId}").
        var stateKey = $"{Channels.Directline}/conversations/{conversationId}";
        await storage.WriteAsync(new Dictionary<string, object> { [stateKey] = JsonSerializer.SerializeToElement(new { dialog = "waiting for a name" }) });

        await server.PostMessageAsync(conversationId, token, "Ada", "c1");

        var read = await storage.ReadAsync([stateKey]);
        var state = Assert.IsType<JsonElement>(read[stateKey]);
        Assert.Equal("waiting for a name", state.GetProperty("dialog").GetString());
        var log = DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token));
        Assert.Contains(log, a => a.TryGetProperty("text", out var text) && text.GetString() == "echo: Ada");
    }
}
