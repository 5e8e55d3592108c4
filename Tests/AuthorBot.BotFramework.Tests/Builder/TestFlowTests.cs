using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Builder;

public class TestFlowTests
{
    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync("echo: " + turnContext.Activity.Text, cancellationToken: cancellationToken);

        protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
        {
            foreach (var member in membersAdded)
            {
                await turnContext.SendActivityAsync("welcome " + member.Name, cancellationToken: cancellationToken);
            }
        }
    }

    [Fact]
    public async Task Scripted_conversation_passes()
    {
        await new TestFlow(new TestAdapter(), new EchoBot())
            .SendConversationUpdate()
            .AssertReply("welcome user1")
            .Test("hello", "echo: hello")
            .Send("again")
            .AssertReplyOneOf(["nope", "echo: again"])
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Wrong_reply_fails_with_a_clear_message()
    {
        var flow = new TestFlow(new TestAdapter(), new EchoBot()).Test("hello", "something else");

        var error = await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());
        Assert.Contains("echo: hello", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_reply_fails()
    {
        var flow = new TestFlow(new TestAdapter(), (ctx, ct) => Task.CompletedTask).Send("hello").AssertReply("anything", timeout: 1);

        await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());
    }

    [Fact]
    public async Task Replies_come_from_the_bot_to_the_user_in_the_test_conversation()
    {
        await new TestFlow(new TestAdapter(), new EchoBot())
            .Send("x")
            .AssertReply(reply =>
            {
                Assert.Equal("bot", reply.From?.Id);
                Assert.Equal("user1", reply.Recipient?.Id);
                Assert.Equal("convo1", reply.Conversation?.Id);
                Assert.Equal(Channels.Test, reply.ChannelId);
                Assert.NotNull(reply.ReplyToId);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueConversation_sends_into_the_referenced_conversation()
    {
        var adapter = new TestAdapter();
        var reference = TestAdapter.CreateConversation(Channels.Test);

        await adapter.ContinueConversationAsync(reference, (ctx, ct) => ctx.SendActivityAsync("news!", cancellationToken: ct), default);

        var reply = adapter.GetNextReply();
        Assert.Equal("news!", reply?.Text);
        Assert.Equal("user1", reply?.Recipient?.Id);
        Assert.Null(reply?.ReplyToId);
    }
}
