using System.Text.Json;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Hosting;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.Tests.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Tests.Hosting;

public sealed class ProactiveTests : IAsyncLifetime
{
    private FakeChannel _channel = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _channel = await FakeChannel.StartAsync("/amer");
        _services = ConnectorTestServices.Build();
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _services.DisposeAsync();
    }

    private ConversationReference Reference() => new()
    {
        ActivityId = "old-message-1",
        ChannelId = Channels.Msteams,
        ServiceUrl = _channel.ServiceUrl,
        User = new ChannelAccount("29:reader", "Reader"),
        Bot = new ChannelAccount("28:bot", "Bot"),
        Conversation = new ConversationAccount(id: "a:1;x@y", tenantId: "tenant-1"),
        Locale = "en-GB",
    };

    [Fact]
    public async Task ContinueConversation_posts_to_the_reference_service_url()
    {
        var adapter = _services.GetRequiredService<BotAdapter>();
        string? eventName = null;

        await adapter.ContinueConversationAsync(
            Reference(),
            async (ctx, ct) =>
            {
                eventName = ctx.Activity.Name;
                await ctx.SendActivityAsync("New book out today!", cancellationToken: ct);
            },
            default);

        Assert.Equal(ActivityEventNames.ContinueConversation, eventName);
        var post = Assert.Single(_channel.Requests);
        Assert.Equal("POST", post.Method);
        Assert.Equal("/amer/v3/conversations/a%3A1%3Bx%40y/activities", post.RawTarget);
        using var body = JsonDocument.Parse(post.Body);
        var root = body.RootElement;
        Assert.Equal("New book out today!", root.GetProperty("text").GetString());
        Assert.Equal("28:bot", root.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("29:reader", root.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("en-GB", root.GetProperty("locale").GetString());
        Assert.False(root.TryGetProperty("replyToId", out _));
    }

    [Fact]
    public async Task CreateConversation_creates_then_sends_into_the_new_conversation()
    {
        var adapter = _services.GetRequiredService<CloudAdapter>();
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount("28:bot"),
            Members = [new ChannelAccount("29:reader")],
            TenantId = "tenant-1",
        };
        Activity? created = null;

        await adapter.CreateConversationAsync(
            Channels.Msteams,
            _channel.ServiceUrl,
            parameters,
            async (ctx, ct) =>
            {
                created = ctx.Activity;
                await ctx.SendActivityAsync("Hello from a new chat", cancellationToken: ct);
            },
            default);

        Assert.Equal(ActivityEventNames.CreateConversation, created?.Name);
        Assert.Equal("created-1|livechat", created?.Conversation?.Id);
        var requests = _channel.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("/amer/v3/conversations", requests[0].RawTarget);
        Assert.Contains("\"tenantId\":\"tenant-1\"", requests[0].Body, StringComparison.Ordinal);
        Assert.Equal("/amer/v3/conversations/created-1%7Clivechat/activities", requests[1].RawTarget);
        using var body = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("29:reader", body.RootElement.GetProperty("recipient").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Refused_proactive_send_surfaces_the_connector_error()
    {
        _channel.FailNext(403, body: """{"error":{"code":"BotNotInConversationRoster","message":"not installed"}}""");
        var adapter = _services.GetRequiredService<CloudAdapter>();
        adapter.OnTurnError = null;

        var error = await Assert.ThrowsAsync<AuthorBot.BotFramework.Connector.ConnectorException>(() =>
            adapter.ContinueConversationAsync(Reference(), (ctx, ct) => ctx.SendActivityAsync("hi", cancellationToken: ct), default));

        Assert.Equal("BotNotInConversationRoster", error.ErrorCode);
    }
}
