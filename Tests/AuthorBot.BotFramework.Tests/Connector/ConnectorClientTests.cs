using System.Net;
using System.Text.Json;
using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private FakeChannel _channel = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _channel = await FakeChannel.StartAsync();
        _services = ConnectorTestServices.Build();
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _services.DisposeAsync();
    }

    private IConnectorClient Client(string? serviceUrl = null) =>
        _services.GetRequiredService<IConnectorClientFactory>().Create(serviceUrl ?? _channel.ServiceUrl);

    private static Activity Message(string text) => new(ActivityTypes.Message)
    {
        Text = text,
        From = new ChannelAccount("bot-1", "Bot"),
        Recipient = new ChannelAccount("user-1", "User"),
    };

    [Theory]
    [InlineData("bd343fee-71b0|livechat", "/v3/conversations/bd343fee-71b0%7Clivechat/activities")]
    [InlineData("19:abc@thread.tacv2;messageid=1", "/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities")]
    [InlineData("a/b c", "/v3/conversations/a%2Fb%20c/activities")]
    public async Task SendToConversation_escapes_the_conversation_id(string conversationId, string expectedPath)
    {
        var response = await Client().SendToConversationAsync(conversationId, Message("hi"), default);

        var request = Assert.Single(_channel.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(expectedPath, request.RawTarget);
        Assert.StartsWith("srv-", response?.Id, StringComparison.Ordinal);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.False(request.HasAuthorization);
    }

    [Fact]
    public async Task ReplyToActivity_escapes_both_ids_and_sends_camelCase_json_without_nulls()
    {
        await Client().ReplyToActivityAsync("29:x;y", "1234|0000003", Message("hello"), default);

        var request = Assert.Single(_channel.Requests);
        Assert.Equal("/v3/conversations/29%3Ax%3By/activities/1234%7C0000003", request.RawTarget);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("hello", body.RootElement.GetProperty("text").GetString());
        Assert.DoesNotContain("null", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_url_path_is_kept()
    {
        await using var teams = await FakeChannel.StartAsync("/amer");
        Assert.EndsWith("/amer/", teams.ServiceUrl, StringComparison.Ordinal);

        await Client(teams.ServiceUrl).SendToConversationAsync("c1", Message("hi"), default);
        await Client(teams.ServiceUrl.TrimEnd('/')).SendToConversationAsync("c2", Message("hi"), default);

        Assert.Equal(["/amer/v3/conversations/c1/activities", "/amer/v3/conversations/c2/activities"], teams.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Throttled_call_is_retried_after_Retry_After()
    {
        _channel.FailNext(429, retryAfter: "1");

        var response = await Client().SendToConversationAsync("c1", Message("hi"), default);

        Assert.Equal(2, _channel.Requests.Count);
        Assert.StartsWith("srv-", response?.Id, StringComparison.Ordinal);
        Assert.All(_channel.Requests, r => Assert.Equal("/v3/conversations/c1/activities", r.RawTarget));
        Assert.All(_channel.Requests, r => Assert.Contains("\"text\":\"hi\"", r.Body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Other_transient_statuses_are_retried(int status)
    {
        _channel.FailNext(status);
        _channel.FailNext(status);

        var response = await Client().SendToConversationAsync("c1", Message("hi"), default);

        Assert.Equal(3, _channel.Requests.Count);
        Assert.NotNull(response?.Id);
    }

    [Fact]
    public async Task Retries_are_bounded_then_surface_as_ConnectorException()
    {
        for (var i = 0; i < 10; i++)
        {
            _channel.FailNext(429, retryAfter: "0");
        }

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync("c1", Message("hi"), default));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(4, _channel.Requests.Count);
    }

    [Fact]
    public async Task Error_response_is_a_typed_exception_with_code_and_no_retry()
    {
        _channel.FailNext(403, body: """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync("c1", Message("hi"), default));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("BotNotInConversationRoster", error.ErrorCode);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Single(_channel.Requests);
    }

    [Fact]
    public async Task Unreachable_channel_is_a_ConnectorException()
    {
        var port = _channel.Host.BaseUrl;
        await _channel.DisposeAsync();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(port).SendToConversationAsync("c1", Message("hi"), default));

        Assert.Null(error.StatusCode);
        _channel = await FakeChannel.StartAsync();
    }

    [Fact]
    public async Task Update_delete_members_and_create_use_the_connector_routes()
    {
        var client = Client();

        await client.UpdateActivityAsync("c|1", "a:1", Message("v2"), default);
        await client.DeleteActivityAsync("c|1", "a:1", default);
        var members = await client.GetConversationMembersAsync("c|1", default);
        var member = await client.GetConversationMemberAsync("c|1", "29:u", default);
        var paged = await client.GetConversationPagedMembersAsync("c|1", 10, "tok en", default);
        var created = await client.CreateConversationAsync(
            new ConversationParameters { Bot = new ChannelAccount("bot-1"), Members = [new ChannelAccount("user-1")], IsGroup = false },
            default);

        var requests = _channel.Requests.Select(r => r.Method + " " + r.RawTarget).ToList();
        Assert.Equal(
            [
                "PUT /v3/conversations/c%7C1/activities/a%3A1",
                "DELETE /v3/conversations/c%7C1/activities/a%3A1",
                "GET /v3/conversations/c%7C1/members",
                "GET /v3/conversations/c%7C1/members/29%3Au",
                "GET /v3/conversations/c%7C1/pagedmembers?pageSize=10&continuationToken=tok%20en",
                "POST /v3/conversations",
            ],
            requests);
        Assert.Equal(["bot-1", "user-1"], members.Select(m => m.Id));
        Assert.Equal("created-1|livechat", created?.Id);
        Assert.NotNull(member);
        Assert.NotNull(paged);
        using var createBody = JsonDocument.Parse(_channel.Requests.Last().Body);
        Assert.Equal("bot-1", createBody.RootElement.GetProperty("bot").GetProperty("id").GetString());
        Assert.False(createBody.RootElement.GetProperty("isGroup").GetBoolean());
    }

    [Theory]
    [InlineData("ftp://example.org/")]
    [InlineData("not a url")]
    [InlineData("/relative/")]
    public void Non_http_service_urls_are_refused(string serviceUrl)
    {
        Assert.Throws<ArgumentException>(() => Client(serviceUrl));
    }
}
