using System.Net;
using System.Text.Json;

namespace AuthorBot.BotFramework.Tests.DirectLine;

public class DirectLineConversationEndpointTests
{
    private static string Text(JsonElement activity) => activity.GetProperty("text").GetString()!;

    [Fact]
    public async Task Start_returns_201_with_token_and_stream_url_and_the_welcome_is_already_in_the_log()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (conversationId, token, started) = await server.StartConversationAsync("dl_alice");

        Assert.Equal(1800, started.GetProperty("expires_in").GetInt32());
        var streamUrl = started.GetProperty("streamUrl").GetString()!;
        Assert.StartsWith("ws://127.0.0.1:", streamUrl, StringComparison.Ordinal);
        Assert.Contains($"/v3/directline/conversations/{conversationId}/stream?t=", streamUrl, StringComparison.Ordinal);

        var set = await server.GetActivitiesAsync(conversationId, token);
        var welcome = Assert.Single(DirectLineTestServer.Activities(set));
        Assert.Equal("Welcome, dl_alice!", Text(welcome));
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("echo-bot", welcome.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("directline", welcome.GetProperty("channelId").GetString());
        Assert.Equal(JsonValueKind.String, set.GetProperty("watermark").ValueKind);

        // Starting again with the same token is 200, and the bot is not welcomed twice.
        await server.SendJsonAsync(HttpMethod.Post, "conversations", token, "{}", HttpStatusCode.OK);
        Assert.Single(DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token)));
    }

    [Fact]
    public async Task Post_answers_with_the_id_and_echoes_the_activity_before_the_reply()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (conversationId, token, _) = await server.StartConversationAsync();

        var posted = await server.PostMessageAsync(conversationId, token, "hi there", "abc123");
        var id = posted.GetProperty("id").GetString()!;
        Assert.StartsWith(conversationId + "|", id, StringComparison.Ordinal);

        var activities = DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token));
        Assert.Equal(3, activities.Length);
        var echo = activities[1];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("abc123", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("dl_reader", echo.GetProperty("from").GetProperty("id").GetString());
        var reply = activities[2];
        Assert.Equal("echo: hi there", Text(reply));
        Assert.Equal(id, reply.GetProperty("replyToId").GetString());

        var stamps = activities.Select(a => a.GetProperty("timestamp").GetDateTimeOffset()).ToArray();
        Assert.True(stamps[0] < stamps[1] && stamps[1] < stamps[2], string.Join(", ", stamps));
    }

    [Fact]
    public async Task Watermark_pages_through_the_log_and_bad_values_still_answer_200()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (conversationId, token, _) = await server.StartConversationAsync();

        var first = await server.GetActivitiesAsync(conversationId, token, "");
        var watermark = first.GetProperty("watermark").GetString()!;
        await server.PostMessageAsync(conversationId, token, "one");

        var next = await server.GetActivitiesAsync(conversationId, token, watermark);
        Assert.Equal(["one", "echo: one"], DirectLineTestServer.Activities(next).Select(Text));
        var latest = next.GetProperty("watermark").GetString()!;
        var nothingNew = await server.GetActivitiesAsync(conversationId, token, latest);
        Assert.Empty(DirectLineTestServer.Activities(nothingNew));
        Assert.Equal(latest, nothingNew.GetProperty("watermark").GetString());

        Assert.Equal(3, DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token, "not-a-number")).Length);
    }

    [Fact]
    public async Task Reconnect_returns_a_fresh_token_and_a_stream_url_carrying_the_watermark()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (conversationId, token, _) = await server.StartConversationAsync();

        var reconnected = await server.SendJsonAsync(HttpMethod.Get, $"conversations/{conversationId}?watermark=1", token);

        Assert.Equal(conversationId, reconnected.GetProperty("conversationId").GetString());
        Assert.False(string.IsNullOrEmpty(reconnected.GetProperty("token").GetString()));
        Assert.Contains("stream?watermark=1&t=", reconnected.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        await server.SendJsonAsync(HttpMethod.Get, "conversations/unknown-conversation", DirectLineTestServer.Secret, expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Typing_is_not_stored_and_bot_updates_and_deletes_change_the_log()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (conversationId, token, _) = await server.StartConversationAsync();

        await server.PostMessageAsync(conversationId, token, "typing", "c1");
        await server.SendJsonAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, """{"type":"typing","from":{"id":"dl_reader"}}""");
        await server.PostMessageAsync(conversationId, token, "edit", "c2");
        await server.PostMessageAsync(conversationId, token, "delete", "c3");

        var activities = DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token));
        Assert.DoesNotContain(activities, a => a.GetProperty("type").GetString() == "typing");
        var texts = activities.Select(Text).ToArray();
        Assert.Equal(["Welcome, dl_reader!", "typing", "done typing", "edit", "final", "delete"], texts);
        Assert.Equal(activities.Length, activities.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_failing_bot_gives_502_but_the_posted_activity_is_kept()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (conversationId, token, _) = await server.StartConversationAsync();

        var failed = await server.SendJsonAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token,
            """{"type":"message","text":"boom","channelData":{"clientActivityID":"b1"}}""", HttpStatusCode.BadGateway);

        Assert.Equal("BotError", failed.GetProperty("error").GetProperty("code").GetString());
        var echo = DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token)).Last();
        Assert.Equal("boom", Text(echo));
    }

    [Fact]
    public async Task Without_a_user_id_at_start_the_welcome_follows_the_first_post()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var generated = await server.SendJsonAsync(HttpMethod.Post, "tokens/generate", DirectLineTestServer.Secret);
        var started = await server.SendJsonAsync(HttpMethod.Post, "conversations", generated.GetProperty("token").GetString(), """{"user":{}}""", HttpStatusCode.Created);
        var conversationId = started.GetProperty("conversationId").GetString()!;
        var token = started.GetProperty("token").GetString()!;
        Assert.Empty(DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token)));

        await server.PostMessageAsync(conversationId, token, "hello", fromId: "r_abc123");

        var texts = DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token)).Select(Text);
        Assert.Equal(["hello", "Welcome, r_abc123!", "echo: hello"], texts);
    }

    [Fact]
    public async Task Secret_start_uses_the_body_user_and_refuses_reserved_ids_from_tokens_without_one()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var started = await server.SendJsonAsync(HttpMethod.Post, "conversations", DirectLineTestServer.Secret, """{"user":{"id":"r_webchat"}}""", HttpStatusCode.Created);
        var conversationId = started.GetProperty("conversationId").GetString()!;
        Assert.Equal("Welcome, r_webchat!", Text(DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, DirectLineTestServer.Secret)).Single()));

        var generated = await server.SendJsonAsync(HttpMethod.Post, "tokens/generate", DirectLineTestServer.Secret);
        await server.SendJsonAsync(HttpMethod.Post, "conversations", generated.GetProperty("token").GetString(), """{"user":{"id":"dl_spoofed"}}""", HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"just text\"")]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("{\"type\":5}")]
    [InlineData("{\"type\":\"message\",\"text\":5}")]
    [InlineData("{\"type\":\"message\",\"attachments\":\"nope\"}")]
    public async Task Malformed_activities_get_400_and_nothing_is_stored(string body)
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (conversationId, token, _) = await server.StartConversationAsync();

        var refused = await server.SendJsonAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, body, HttpStatusCode.BadRequest);

        Assert.Equal("BadArgument", refused.GetProperty("error").GetProperty("code").GetString());
        Assert.Single(DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token)));
    }
}
