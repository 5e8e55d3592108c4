using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Builder;

public class ShowTypingMiddlewareTests
{
    /// <summary>Signals when a typing activity reaches the channel.</summary>
    private sealed class TypingAwareAdapter : TestAdapter
    {
        public TaskCompletionSource TypingSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            var responses = await base.SendActivitiesAsync(turnContext, activities, cancellationToken);
            if (activities.Any(a => a.Type == ActivityTypes.Typing))
            {
                TypingSeen.TrySetResult();
            }

            return responses;
        }
    }

    [Fact]
    public async Task Slow_turn_shows_typing_before_the_reply()
    {
        var adapter = new TypingAwareAdapter();
        adapter.Use(new ShowTypingMiddleware(delay: 0, period: 60_000));
        bool respondedWhenTyping = true;

        await adapter.SendTextToBotAsync("hi", async (ctx, ct) =>
        {
            // The bot is "slow" until the indicator went out; the wait is bounded so a broken middleware fails the test.
            await adapter.TypingSeen.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
            respondedWhenTyping = ctx.Responded;
            await ctx.SendActivityAsync("done", cancellationToken: ct);
        });

        var typing = adapter.GetNextReply();
        Assert.Equal(ActivityTypes.Typing, typing?.Type);
        Assert.Equal("user1", typing?.Recipient?.Id);
        Assert.Equal("done", adapter.GetNextReply()?.Text);
        Assert.False(respondedWhenTyping);
    }

    [Fact]
    public async Task Fast_turn_shows_no_typing()
    {
        var adapter = new TestAdapter();
        adapter.Use(new ShowTypingMiddleware(delay: 600_000, period: 60_000));

        await adapter.SendTextToBotAsync("hi", (ctx, ct) => ctx.SendActivityAsync("quick", cancellationToken: ct));

        Assert.Equal("quick", adapter.GetNextReply()?.Text);
        Assert.Null(adapter.GetNextReply());
    }

    [Fact]
    public async Task ExpectReplies_turn_shows_no_typing()
    {
        var adapter = new TypingAwareAdapter();
        adapter.Use(new ShowTypingMiddleware(delay: 0, period: 60_000));
        var activity = adapter.MakeActivity("hi");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        await adapter.ProcessActivityAsync(activity, (ctx, ct) => ctx.SendActivityAsync("buffered", cancellationToken: ct));

        Assert.False(adapter.TypingSeen.Task.IsCompleted);
        Assert.Null(adapter.GetNextReply());
    }
}
