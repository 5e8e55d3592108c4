using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs;

namespace AuthorBot.Teams.Tests;

/// <summary>
/// The real bot and dialogs on an in-memory Teams channel, wired the way the host wires them (mention middleware,
/// state saved per turn). Every reply gets an id, as the Bot Connector gives one.
/// </summary>
internal sealed class TeamsDialogHarness
{
    public TeamsDialogHarness(string conversationType = ConversationTypes.Personal)
    {
        var storage = new MemoryStorage();
        var userState = new UserState(storage);
        var conversationState = new ConversationState(storage);
        var services = new ServiceCollection();
        services.AddSingleton<IStorage>(storage);
        services.AddSingleton(userState);
        services.AddSingleton(conversationState);
        services.AddAuthorBotDialogs();
        Services = services.BuildServiceProvider();
        Bot = Services.GetRequiredService<IBot>();
        var reference = TestAdapter.CreateConversation(Channels.Msteams, "29:reader", "28:authorbot");
        reference.Bot = new ChannelAccount("28:authorbot", "AuthorBot");
        var group = conversationType != ConversationTypes.Personal;
        reference.Conversation = new ConversationAccount(group, conversationType, group ? "19:chat@thread.v2" : "a:personal", tenantId: "tenant-1");
        Adapter = new TestAdapter(reference);
        Adapter.Use(new RecipientMentionMiddleware());
        Adapter.Use(new AutoSaveStateMiddleware(userState, conversationState));
    }

    public ServiceProvider Services { get; }

    public IBot Bot { get; }

    public TestAdapter Adapter { get; }

    /// <summary>A message from the reader.</summary>
    public Task<List<Activity>> SayAsync(string text) => SendAsync(Adapter.MakeActivity(text));

    /// <summary>Runs one turn and returns everything the bot sent in it.</summary>
    public async Task<List<Activity>> SendAsync(Activity activity)
    {
        await Adapter.ProcessActivityAsync(activity, Bot.OnTurnAsync);
        var replies = new List<Activity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    /// <summary>A reaction from the reader to the message <paramref name="messageId"/>.</summary>
    public Activity Reaction(string messageId, string type)
    {
        var reaction = Adapter.MakeActivity();
        reaction.Type = ActivityTypes.MessageReaction;
        reaction.ReplyToId = messageId;
        reaction.ReactionsAdded = [new MessageReaction(type)];
        return reaction;
    }
}
