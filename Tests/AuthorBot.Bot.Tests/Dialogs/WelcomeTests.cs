namespace AuthorBot.Bot.Tests.Dialogs;

public class WelcomeTests
{
    [Fact]
    public async Task A_new_reader_is_welcomed_once_per_conversation_with_the_menu()
    {
        var harness = new ReaderBotHarness(channelId: "emulator");
        await harness.Flow()
            .SendConversationUpdate()
            .AssertReply(reply =>
            {
                Assert.StartsWith("Hi! I'm AuthorBot", reply.Text, StringComparison.Ordinal);
                Assert.NotNull(reply.SuggestedActions);
                Assert.Contains(reply.SuggestedActions!.Actions!, action => action.Title == "Join the newsletter");
            })
            .SendConversationUpdate()
            .AssertNoReply("a repeated conversationUpdate must not welcome twice")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_returning_reader_is_welcomed_back_by_name_in_a_new_conversation()
    {
        var storage = new AuthorBot.BotFramework.State.MemoryStorage();
        await new ReaderBotHarness(storage, channelId: "emulator").Flow()
            .SendConversationUpdate()
            .AssertReply(_ => { })
            .Send("subscribe")
            .AssertReply(_ => { })
            .Send("Jo")
            .AssertReply(_ => { })
            .StartTestAsync();

        await new ReaderBotHarness(storage, channelId: "emulator", conversationId: "convo2").Flow()
            .SendConversationUpdate()
            .AssertReply(reply => Assert.StartsWith("Welcome back, Jo!", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }
}
