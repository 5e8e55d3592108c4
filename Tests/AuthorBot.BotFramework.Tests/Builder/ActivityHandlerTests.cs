using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Builder;

public class ActivityHandlerTests
{
    private sealed class RecordingHandler : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        public IList<ChannelAccount>? Added { get; private set; }

        public IList<ChannelAccount>? Removed { get; private set; }

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("message");

        protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Added = membersAdded;
            return Record("membersAdded");
        }

        protected override Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Removed = membersRemoved;
            return Record("membersRemoved");
        }

        protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("install:add");

        protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("install:remove");

        protected override Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("event:" + turnContext.Activity.Name);

        protected override Task OnTokenResponseEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("tokenResponse");

        protected override Task OnReactionsAddedAsync(IList<MessageReaction> messageReactions, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record("reactionsAdded:" + string.Join(",", messageReactions.Select(r => r.Type)));

        protected override Task OnReactionsRemovedAsync(IList<MessageReaction> messageReactions, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record("reactionsRemoved:" + string.Join(",", messageReactions.Select(r => r.Type)));

        protected override Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("endOfConversation");

        protected override Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("typing");

        protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("unrecognized:" + turnContext.Activity.Type);

        protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Calls.Add("invoke:" + turnContext.Activity.Name);
            return string.Equals(turnContext.Activity.Name, "known", StringComparison.Ordinal)
                ? Task.FromResult(new InvokeResponse(200))
                : base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }

        private Task Record(string call)
        {
            Calls.Add(call);
            return Task.CompletedTask;
        }
    }

    private static async Task<(RecordingHandler Handler, ITurnContext Context)> RunAsync(Activity activity)
    {
        var adapter = new TestAdapter();
        var handler = new RecordingHandler();
        ITurnContext? seen = null;
        await adapter.ProcessActivityAsync(activity, async (ctx, ct) =>
        {
            seen = ctx;
            await handler.OnTurnAsync(ctx, ct);
        });
        return (handler, seen!);
    }

    [Fact]
    public async Task Message_dispatches_to_OnMessageActivityAsync()
    {
        var (handler, _) = await RunAsync(new Activity(ActivityTypes.Message) { Text = "hi" });
        Assert.Equal(["message"], handler.Calls);
    }

    [Fact]
    public async Task MembersAdded_excludes_the_bot_itself()
    {
        var activity = new Activity(ActivityTypes.ConversationUpdate)
        {
            Recipient = new ChannelAccount("bot"),
            MembersAdded = [new ChannelAccount("bot"), new ChannelAccount("user1")],
        };

        var (handler, _) = await RunAsync(activity);

        Assert.Equal(["membersAdded"], handler.Calls);
        Assert.Equal(["user1"], handler.Added!.Select(m => m.Id));
    }

    [Fact]
    public async Task Only_the_bot_added_calls_nothing()
    {
        var activity = new Activity(ActivityTypes.ConversationUpdate)
        {
            Recipient = new ChannelAccount("bot"),
            MembersAdded = [new ChannelAccount("bot")],
        };

        var (handler, _) = await RunAsync(activity);

        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task MembersRemoved_excludes_the_bot_itself()
    {
        var activity = new Activity(ActivityTypes.ConversationUpdate)
        {
            Recipient = new ChannelAccount("bot"),
            MembersRemoved = [new ChannelAccount("user2"), new ChannelAccount("bot")],
        };

        var (handler, _) = await RunAsync(activity);

        Assert.Equal(["membersRemoved"], handler.Calls);
        Assert.Equal(["user2"], handler.Removed!.Select(m => m.Id));
    }

    [Theory]
    [InlineData("add", "install:add")]
    [InlineData("add-upgrade", "install:add")]
    [InlineData("remove", "install:remove")]
    [InlineData("remove-upgrade", "install:remove")]
    public async Task InstallationUpdate_dispatches_by_action(string action, string expected)
    {
        var (handler, _) = await RunAsync(new Activity(ActivityTypes.InstallationUpdate) { Action = action });
        Assert.Equal([expected], handler.Calls);
    }

    [Fact]
    public async Task Events_dispatch_by_name()
    {
        var (handler, _) = await RunAsync(new Activity(ActivityTypes.Event) { Name = "webchat/join" });
        var (tokenHandler, _) = await RunAsync(new Activity(ActivityTypes.Event) { Name = "tokens/response" });

        Assert.Equal(["event:webchat/join"], handler.Calls);
        Assert.Equal(["tokenResponse"], tokenHandler.Calls);
    }

    [Fact]
    public async Task Reactions_dispatch_added_and_removed()
    {
        var activity = new Activity(ActivityTypes.MessageReaction)
        {
            ReactionsAdded = [new MessageReaction("like")],
            ReactionsRemoved = [new MessageReaction("heart")],
        };

        var (handler, _) = await RunAsync(activity);

        Assert.Equal(["reactionsAdded:like", "reactionsRemoved:heart"], handler.Calls);
    }

    [Theory]
    [InlineData(ActivityTypes.EndOfConversation, "endOfConversation")]
    [InlineData(ActivityTypes.Typing, "typing")]
    [InlineData("someFutureType", "unrecognized:someFutureType")]
    public async Task Other_types_dispatch(string type, string expected)
    {
        var (handler, _) = await RunAsync(new Activity(type));
        Assert.Equal([expected], handler.Calls);
    }

    [Fact]
    public async Task Invoke_response_is_stored_in_turn_state()
    {
        var (_, known) = await RunAsync(new Activity(ActivityTypes.Invoke) { Name = "known" });
        var (_, unknown) = await RunAsync(new Activity(ActivityTypes.Invoke) { Name = "composeExtension/query" });

        Assert.Equal(200, known.TurnState.Get<InvokeResponse>(BotAdapter.InvokeResponseKey)?.Status);
        Assert.Equal(501, unknown.TurnState.Get<InvokeResponse>(BotAdapter.InvokeResponseKey)?.Status);
    }

    private sealed class CardBot : ActivityHandler
    {
        protected override Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
            Task.FromResult<AdaptiveCardInvokeResponse?>(new AdaptiveCardInvokeResponse
            {
                StatusCode = 200,
                Type = AdaptiveCardInvokeResponse.MessageType,
                Value = System.Text.Json.JsonSerializer.SerializeToElement("RSVP saved: " + invokeValue.Action!.Verb, BotJsonContext.Default.String),
            });
    }

    private static async Task<InvokeResponse?> InvokeAsync(ActivityHandler bot, string? valueJson)
    {
        var activity = new Activity(ActivityTypes.Invoke)
        {
            Name = "adaptiveCard/action",
            Value = valueJson is null ? null : System.Text.Json.JsonDocument.Parse(valueJson).RootElement.Clone(),
        };
        InvokeResponse? response = null;
        await new TestAdapter().ProcessActivityAsync(activity, async (ctx, ct) =>
        {
            await bot.OnTurnAsync(ctx, ct);
            response = ctx.TurnState.Get<InvokeResponse>(BotAdapter.InvokeResponseKey);
        });
        return response;
    }

    [Fact]
    public async Task Action_Execute_reaches_OnAdaptiveCardInvokeAsync()
    {
        var response = await InvokeAsync(new CardBot(), """{"action":{"type":"Action.Execute","id":"a1","verb":"rsvp","data":{"event":"launch"}}}""");

        Assert.Equal(200, response?.Status);
        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, response?.Body?.GetProperty("type").GetString());
        Assert.Equal("RSVP saved: rsvp", response?.Body?.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Submit"}}""", "NotSupported")]
    [InlineData("""{"nothing":true}""", "BadRequest")]
    [InlineData(null, "BadRequest")]
    public async Task Malformed_adaptive_card_invoke_is_a_400_error_card(string? value, string code)
    {
        var response = await InvokeAsync(new CardBot(), value);

        Assert.Equal(400, response?.Status);
        Assert.Equal(AdaptiveCardInvokeResponse.ErrorType, response?.Body?.GetProperty("type").GetString());
        Assert.Equal(code, response?.Body?.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unhandled_adaptive_card_invoke_is_501()
    {
        var response = await InvokeAsync(new ActivityHandler(), """{"action":{"type":"Action.Execute","verb":"x"}}""");

        Assert.Equal(501, response?.Status);
    }
}
