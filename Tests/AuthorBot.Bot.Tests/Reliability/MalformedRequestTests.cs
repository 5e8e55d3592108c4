using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AuthorBot.Bot.Proactive;
using AuthorBot.Bot.Tests.Announcements;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Reliability;

/// <summary>Duplicate keys and malformed activities, against the running host: a 400 that names the problem, and no turn.</summary>
public sealed class MalformedRequestTests
{
    [Theory]
    [InlineData("\"text\":\"hi\",\"text\":\"hi\"", "text")]
    [InlineData("\"text\":\"hi\",\"zzz\":1,\"zzz\":2", "zzz")]
    [InlineData("\"text\":\"hi\",\"channelData\":{\"a\":1,\"a\":2}", "a")]
    public async Task Duplicate_keys_on_api_messages_are_400_naming_the_key_and_run_no_turn(string fields, string key)
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var body = $$"""
            {"type":"message","id":"m1","channelId":"emulator","serviceUrl":"{{channel.ServiceUrl}}","from":{"id":"dup-reader"},
             "recipient":{"id":"bot"},"conversation":{"id":"dup-conv"},{{fields}}}
            """;

        using var response = await host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{key}' appears twice", await ErrorTextAsync(response), StringComparison.Ordinal);
        await AssertNoTurnAsync(host, channel, new ReaderKey("emulator", "dup-reader"));
    }

    [Fact]
    public async Task Duplicate_keys_in_a_direct_line_post_are_400_naming_the_key_not_500()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();
        using var session = await DirectLineSession.StartAsync(host);
        var before = (await session.ActivitiesAsync()).Count;

        using var response = await session.PostAsync("""{"type":"message","text":"hi","text":"hi"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'text' appears twice", await ErrorTextAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, (await session.ActivitiesAsync()).Count);
    }

    [Fact]
    public async Task A_deeply_nested_direct_line_post_is_400_and_the_conversation_keeps_working()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();
        using var session = await DirectLineSession.StartAsync(host);
        var deep = new string('[', 60) + new string(']', 60);

        using (var refused = await session.PostAsync("{\"type\":\"message\",\"text\":\"hi\",\"value\":" + deep + "}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("depth", await ErrorTextAsync(refused), StringComparison.Ordinal);
        }

        // Stored, it would have broken every later write of this conversation's log.
        using var next = await session.PostAsync("""{"type":"message","text":"menu"}""");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Duplicate_keys_in_the_activity_part_of_a_direct_line_upload_are_400_not_500()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();
        using var session = await DirectLineSession.StartAsync(host);
        using var form = new MultipartFormDataContent();
        var activity = new ByteArrayContent("""{"type":"message","text":"hi","text":"hi"}"""u8.ToArray());
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent("hello"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "hello.txt");

        using var response = await session.Client.PostAsync(new Uri($"conversations/{session.ConversationId}/upload?userId={session.UserId}", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'text' appears twice", await ErrorTextAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_keys_on_the_token_endpoint_and_a_direct_line_conversation_start_are_400_naming_the_key()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();
        using var session = await DirectLineSession.StartAsync(host);

        using (var token = await session.Client.PostAsync(new Uri("/api/directline/token", UriKind.Relative), new StringContent("""{"userId":"dl_a","userId":"dl_b"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
            Assert.Contains("'userId' appears twice", await ErrorTextAsync(token), StringComparison.Ordinal);
        }

        using var start = await session.Client.PostAsync(new Uri("conversations", UriKind.Relative), new StringContent("""{"user":{"id":"a","id":"b"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Contains("'id' appears twice", await ErrorTextAsync(start), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_keys_in_an_announcement_are_400_naming_the_field()
    {
        await using var host = await AnnouncementHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/announcements", UriKind.Relative))
        {
            Content = new StringContent("""{"text":"Hello","audience":{"kind":"all","kind":"subscribers"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AnnouncementHost.ApiKey);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'kind' appears twice", await ErrorTextAsync(response), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> MalformedActivities() => new()
    {
        { "membersAdded holding null", """{"type":"conversationUpdate","membersAdded":[null]}""", "membersAdded[0] is null" },
        { "membersAdded member without id", """{"type":"conversationUpdate","membersAdded":[{"name":"x"}]}""", "membersAdded[0].id" },
        { "membersRemoved holding null", """{"type":"conversationUpdate","membersRemoved":[{"id":"a"},null]}""", "membersRemoved[1] is null" },
        { "reactionsAdded holding null", """{"type":"messageReaction","reactionsAdded":[null]}""", "reactionsAdded[0] is null" },
        { "attachments holding null", """{"type":"message","text":"hi","attachments":[null]}""", "attachments[0] is null" },
        { "entities holding null", """{"type":"message","text":"hi","entities":[null]}""", "entities[0] is null" },
        { "conversation.id null", """{"type":"message","text":"hi","conversation":{"id":null}}""", "no conversation.id" },
        { "conversation.id empty", """{"type":"message","text":"hi","conversation":{"id":""}}""", "no conversation.id" },
        { "no conversation", """{"type":"message","text":"hi","conversation":null}""", "no conversation.id" },
        { "from.id empty", """{"type":"message","text":"hi","from":{"id":""}}""", "no from.id" },
        { "no from", """{"type":"message","text":"hi","from":null}""", "no from.id" },
        { "channelId empty", """{"type":"message","text":"hi","channelId":""}""", "no channelId" },
        { "channelId null", """{"type":"message","text":"hi","channelId":null}""", "no channelId" },
        { "channelId with a slash", """{"type":"message","text":"hi","channelId":"emulator/users/x"}""", "channelId must be" },
        { "no serviceUrl to answer at", """{"type":"message","text":"hi","serviceUrl":null}""", "no serviceUrl" },
        { "from.id with a control character", """{"type":"message","text":"hi","from":{"id":"a\u0000b"}}""", "from.id must be" },
    };

    [Theory]
    [MemberData(nameof(MalformedActivities))]
    public async Task A_malformed_activity_on_api_messages_is_400_with_a_one_line_reason_and_runs_no_turn(string what, string overrides, string reason)
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var body = Merge(
            $$"""
            {"type":"message","id":"m1","channelId":"emulator","serviceUrl":"{{channel.ServiceUrl}}","from":{"id":"bad-reader"},
             "recipient":{"id":"bot"},"conversation":{"id":"bad-conv"},"locale":"en-US"}
            """,
            overrides);

        using var response = await host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await ErrorTextAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Trim());
        await AssertNoTurnAsync(host, channel, new ReaderKey("emulator", "bad-reader"));
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi","attachments":[null]}""", "attachments[0] is null")]
    [InlineData("""{"type":"message","text":"hi","entities":[{"type":"mention"},null]}""", "entities[1] is null")]
    [InlineData("""{"type":"conversationUpdate","membersAdded":[null]}""", "membersAdded[0] is null")]
    [InlineData("""{"type":"messageReaction","reactionsRemoved":[null]}""", "reactionsRemoved[0] is null")]
    public async Task A_malformed_activity_on_direct_line_is_400_and_neither_stored_nor_answered(string json, string reason)
    {
        await using var host = await RunningHost.StartWithMemoryAsync();
        using var session = await DirectLineSession.StartAsync(host);
        var before = await session.ActivitiesAsync();

        using var response = await session.PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await ErrorTextAsync(response), StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Equal(before.Count, (await session.ActivitiesAsync()).Count);
    }

    /// <summary>The error's message: the body's <c>error</c> or <c>error.message</c> when it is JSON, else the body.</summary>
    internal static async Task<string> ErrorTextAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("error", out var error)
                ? error.ValueKind == JsonValueKind.String ? error.GetString()! : error.GetProperty("message").GetString()!
                : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    /// <summary>Nothing reached the channel (no reply, no apology), and no reference or profile was stored for the reader.</summary>
    private static async Task AssertNoTurnAsync(AnnouncementHost host, FakeChannel channel, ReaderKey reader)
    {
        await Task.Delay(200);
        Assert.Empty(channel.Calls);
        Assert.Null(await host.Host.Services.GetRequiredService<ConversationReferenceStore>().FindAsync(reader, CancellationToken.None));
        var state = await host.Host.Services.GetRequiredService<AuthorBot.BotFramework.State.IStorage>().ReadAsync([$"{reader.ChannelId}/users/{reader.UserId}"], CancellationToken.None);
        Assert.Empty(state);
    }

    /// <summary>The base activity with the top-level fields of <paramref name="overrides"/> replacing its own (JSON null removes nothing: it sets null).</summary>
    private static string Merge(string baseJson, string overrides)
    {
        var result = System.Text.Json.Nodes.JsonNode.Parse(baseJson)!.AsObject();
        foreach (var (name, value) in System.Text.Json.Nodes.JsonNode.Parse(overrides)!.AsObject().ToList())
        {
            result[name] = value?.DeepClone();
        }

        return result.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
