using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.State;

/// <summary>Builds turn contexts for state tests.</summary>
internal static class Turns
{
    public static TurnContext For(string user = "user1", string conversation = "convo1", string channel = "test", string? text = "hi")
    {
        var adapter = new TestAdapter(channel);
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = channel,
            From = new ChannelAccount(user),
            Recipient = new ChannelAccount("bot"),
            Conversation = new ConversationAccount(id: conversation),
            Text = text,
        };
        return new TurnContext(adapter, activity);
    }
}
