using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Schema;

public class ActivityAddressingTests
{
    private static Activity Incoming() => new(ActivityTypes.Message)
    {
        Id = "m1",
        ChannelId = Channels.Emulator,
        ServiceUrl = "http://127.0.0.1:5000",
        From = new ChannelAccount("user-1", "User", RoleTypes.User),
        Recipient = new ChannelAccount("bot-1", "Bot", RoleTypes.Bot),
        Conversation = new ConversationAccount(id: "c|livechat"),
        Locale = "en-US",
    };

    [Fact]
    public void CreateReply_swaps_parties_and_threads_under_the_message()
    {
        var reply = Incoming().CreateReply("hello");

        Assert.Equal("bot-1", reply.From?.Id);
        Assert.Equal("user-1", reply.Recipient?.Id);
        Assert.Equal("m1", reply.ReplyToId);
        Assert.Equal("c|livechat", reply.Conversation?.Id);
        Assert.Equal("en-US", reply.Locale);
        Assert.Null(reply.Timestamp);
    }

    [Fact]
    public void Conversation_reference_survives_json_and_addresses_an_incoming_activity()
    {
        var reference = Incoming().GetConversationReference();
        var json = System.Text.Json.JsonSerializer.Serialize(reference, BotJsonContext.Default.ConversationReference);
        var restored = BotJson.Deserialize(json, BotJsonContext.Default.ConversationReference)!;

        var rebuilt = new Activity(ActivityTypes.Message).ApplyConversationReference(restored, isIncoming: true);

        Assert.Equal("m1", rebuilt.Id);
        Assert.Equal("user-1", rebuilt.From?.Id);
        Assert.Equal("bot-1", rebuilt.Recipient?.Id);
        Assert.Equal("http://127.0.0.1:5000", rebuilt.ServiceUrl);
        Assert.Equal(Channels.Emulator, rebuilt.ChannelId);
    }

    [Fact]
    public void Continuation_activity_has_no_id_and_points_at_the_reference()
    {
        var reference = Incoming().GetConversationReference();

        var continuation = reference.GetContinuationActivity();

        Assert.Equal(ActivityTypes.Event, continuation.Type);
        Assert.Equal(ActivityEventNames.ContinueConversation, continuation.Name);
        Assert.Null(continuation.Id);
        Assert.Same(reference, continuation.RelatesTo);
        Assert.Null(continuation.GetConversationReference().ActivityId);
    }

    [Fact]
    public void Turn_state_gets_sets_and_removes_by_key_and_type()
    {
        var state = new TurnContextStateCollection();
        state.Set("n", 42);
        state.Add(new InvokeResponse(200));

        Assert.Equal(42, state.Get<int>("n"));
        Assert.Null(state.Get<string>("n"));
        Assert.Equal(200, state.Get<InvokeResponse>()?.Status);
        Assert.Throws<ArgumentException>(() => state.Add(new InvokeResponse(500)));

        state.Set<string>("n", null);
        Assert.False(state.ContainsKey("n"));
    }
}
