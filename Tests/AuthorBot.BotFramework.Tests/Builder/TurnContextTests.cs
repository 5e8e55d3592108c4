using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Builder;

public class TurnContextTests
{
    private static Activity Incoming(string channelId = "msteams", string type = ActivityTypes.Message) => new(type)
    {
        Id = "in-1",
        ChannelId = channelId,
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        From = new ChannelAccount("29:user", "Ada", RoleTypes.User),
        Recipient = new ChannelAccount("28:bot", "Bot", RoleTypes.Bot),
        Conversation = new ConversationAccount(id: "a:conv;messageid=1"),
        Locale = "en-GB",
        Text = "hi",
    };

    [Fact]
    public async Task Reply_is_addressed_back_to_the_sender()
    {
        var adapter = new TestAdapter();
        var context = new TurnContext(adapter, Incoming());

        await context.SendActivityAsync("hello");

        var reply = adapter.GetNextReply();
        Assert.NotNull(reply);
        Assert.Equal("hello", reply.Text);
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(InputHints.AcceptingInput, reply.InputHint);
        Assert.Equal("in-1", reply.ReplyToId);
        Assert.Equal("28:bot", reply.From?.Id);
        Assert.Equal("29:user", reply.Recipient?.Id);
        Assert.Equal("a:conv;messageid=1", reply.Conversation?.Id);
        Assert.Equal("https://smba.trafficmanager.net/amer/", reply.ServiceUrl);
        Assert.Equal("msteams", reply.ChannelId);
        Assert.Equal("en-GB", reply.Locale);
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task Reply_keeps_its_own_locale()
    {
        var adapter = new TestAdapter();
        var context = new TurnContext(adapter, Incoming());

        await context.SendActivityAsync(new Activity(ActivityTypes.Message) { Text = "bonjour", Locale = "fr-FR" });

        Assert.Equal("fr-FR", adapter.GetNextReply()?.Locale);
    }

    [Theory]
    [InlineData("directline", null)]
    [InlineData("webchat", null)]
    [InlineData("emulator", "in-1")]
    public async Task ConversationUpdate_replies_thread_only_where_the_channel_allows(string channelId, string? expectedReplyTo)
    {
        var adapter = new TestAdapter();
        var context = new TurnContext(adapter, Incoming(channelId, ActivityTypes.ConversationUpdate));

        await context.SendActivityAsync("welcome");

        Assert.Equal(expectedReplyTo, adapter.GetNextReply()?.ReplyToId);
    }

    [Fact]
    public async Task Trace_does_not_count_as_responded()
    {
        var context = new TurnContext(new TestAdapter(), Incoming());

        await context.SendActivityAsync(Activity.CreateTraceActivity("debug"));

        Assert.False(context.Responded);
    }

    [Fact]
    public async Task ExpectReplies_buffers_instead_of_sending()
    {
        var adapter = new TestAdapter();
        var incoming = Incoming();
        incoming.DeliveryMode = DeliveryModes.ExpectReplies;
        var context = new TurnContext(adapter, incoming);

        var response = await context.SendActivityAsync("one");
        await context.SendActivityAsync("two");

        Assert.Null(adapter.GetNextReply());
        Assert.Null(response?.Id);
        Assert.Equal(["one", "two"], context.BufferedReplyActivities.Select(a => a.Text));
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task InvokeResponse_activity_is_stored_not_sent()
    {
        var adapter = new TestAdapter();
        var context = new TurnContext(adapter, Incoming(type: ActivityTypes.Invoke));
        var value = System.Text.Json.JsonDocument.Parse("""{"status":200,"body":{"ok":true}}""").RootElement.Clone();

        await context.SendActivityAsync(new Activity(ActivityTypes.InvokeResponse) { Value = value });

        Assert.Null(adapter.GetNextReply());
        var stored = context.TurnState.Get<InvokeResponse>(BotAdapter.InvokeResponseKey);
        Assert.NotNull(stored);
        Assert.Equal(200, stored.Status);
        Assert.True(stored.Body?.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Send_hooks_run_in_registration_order_and_can_change_activities()
    {
        var adapter = new TestAdapter();
        var context = new TurnContext(adapter, Incoming());
        var calls = new List<string>();
        context.OnSendActivities(async (ctx, activities, next) =>
        {
            calls.Add("first");
            activities[0].Text += "!";
            return await next();
        });
        context.OnSendActivities(async (ctx, activities, next) =>
        {
            calls.Add("second");
            return await next();
        });

        await context.SendActivityAsync("hey");

        Assert.Equal(["first", "second"], calls);
        Assert.Equal("hey!", adapter.GetNextReply()?.Text);
    }

    [Fact]
    public async Task Send_hook_that_skips_next_suppresses_the_send()
    {
        var adapter = new TestAdapter();
        var context = new TurnContext(adapter, Incoming());
        context.OnSendActivities((ctx, activities, next) => Task.FromResult(Array.Empty<ResourceResponse>()));

        await context.SendActivityAsync("secret");

        Assert.Null(adapter.GetNextReply());
    }

    [Fact]
    public async Task Update_and_delete_go_through_hooks_to_the_adapter()
    {
        var adapter = new TestAdapter();
        var context = new TurnContext(adapter, Incoming());
        var sent = await context.SendActivityAsync("v1");
        string? updatedSeen = null;
        string? deletedSeen = null;
        context.OnUpdateActivity((ctx, activity, next) =>
        {
            updatedSeen = activity.Id;
            return next();
        });
        context.OnDeleteActivity((ctx, reference, next) =>
        {
            deletedSeen = reference.ActivityId;
            return next();
        });

        await context.UpdateActivityAsync(new Activity(ActivityTypes.Message) { Id = sent!.Id, Text = "v2" });
        Assert.Equal(sent.Id, updatedSeen);
        Assert.Equal("v2", adapter.GetNextReply()?.Text);

        var doomed = await context.SendActivityAsync("gone soon");
        await context.DeleteActivityAsync(doomed!.Id!);
        Assert.Equal(doomed.Id, deletedSeen);
        Assert.Equal(0, adapter.ReplyCount);
    }
}
