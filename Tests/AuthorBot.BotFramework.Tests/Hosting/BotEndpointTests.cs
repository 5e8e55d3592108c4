using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Hosting;
using AuthorBot.BotFramework.Tests.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Tests.Hosting;

public sealed class BotEndpointTests : IAsyncLifetime, IDisposable
{
    private FakeChannel _channel = null!;
    private LoopbackHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _channel = await FakeChannel.StartAsync();
        _bot = await LoopbackHost.StartAsync(
            builder =>
            {
                builder.Services.AddBotFramework(builder.Configuration);
                builder.Services.AddTransient<IBot, TestBot>();
                builder.Services.AddSingleton<TurnGate>();
                builder.Services.AddHttpContextAccessor();
            },
            app => app.MapBotEndpoint("/api/messages"),
            new Dictionary<string, string?> { ["BotFramework:MaxRequestBodyBytes"] = "65536" });
        _http = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
    }

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private string MessageJson(string text, string? extra = null, string type = "message", string conversationId = "conv|livechat") => $$"""
        {"type":"{{type}}","id":"in-1","channelId":"emulator","serviceUrl":"{{_channel.ServiceUrl}}",
         "from":{"id":"user-1","name":"User","role":"user"},"recipient":{"id":"bot-1","name":"Bot","role":"bot"},
         "conversation":{"id":"{{conversationId}}"},"locale":"en-US","text":"{{text}}"{{extra}}}
        """;

    private Task<HttpResponseMessage> PostAsync(string body, CancellationToken cancellationToken = default) =>
        _http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);

    [Fact]
    public async Task Get_is_405()
    {
        using var response = await _http.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("\"message\"")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"message\"} trailing")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"not a date\"}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"file:///etc/passwd\"}")]
    [InlineData("{\"type\":42}")]
    public async Task Body_that_is_not_an_activity_is_400(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task Deep_nesting_is_400()
    {
        var deep = MessageJson("hi", ",\"channelData\":" + new string('[', 5000) + new string(']', 5000));

        using var response = await PostAsync(deep);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_with_or_without_content_length()
    {
        var huge = MessageJson(new string('x', 100_000));

        using var withLength = await PostAsync(huge);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(huge))),
        };
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var withoutLength = await _http.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withoutLength.StatusCode);
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task Message_is_200_empty_and_the_reply_goes_to_the_service_url()
    {
        using var response = await PostAsync(MessageJson("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var reply = Assert.Single(_channel.Requests);
        Assert.Equal("POST", reply.Method);
        Assert.Equal("/v3/conversations/conv%7Clivechat/activities/in-1", reply.RawTarget);
        using var body = JsonDocument.Parse(reply.Body);
        var root = body.RootElement;
        Assert.Equal("echo: hello", root.GetProperty("text").GetString());
        Assert.Equal("in-1", root.GetProperty("replyToId").GetString());
        Assert.Equal("bot-1", root.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user-1", root.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("conv|livechat", root.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("emulator", root.GetProperty("channelId").GetString());
        Assert.Equal("acceptingInput", root.GetProperty("inputHint").GetString());
        Assert.False(root.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Turn_state_carries_a_connector_client_for_the_service_url()
    {
        using var response = await PostAsync(MessageJson("members"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = _channel.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("GET /v3/conversations/conv%7Clivechat/members", requests[0].Method + " " + requests[0].RawTarget);
        Assert.Contains("members: bot-1,user-1", requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_tenant_is_copied_from_channel_data_onto_the_conversation()
    {
        var teams = Encoding.UTF8.GetString(Schema.FixtureFiles.Read("teams/SampleActivityMessageWithAADObjectId.json")).TrimStart('\uFEFF');
        using var original = JsonDocument.Parse(teams);
        var serviceUrl = original.RootElement.GetProperty("serviceUrl").GetString()!;
        var tenant = original.RootElement.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString();

        using var response = await PostAsync(teams.Replace(serviceUrl, _channel.ServiceUrl, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reply = JsonDocument.Parse(Assert.Single(_channel.Requests).Body);
        Assert.Equal(tenant, reply.RootElement.GetProperty("conversation").GetProperty("tenantId").GetString());
    }

    [Fact]
    public async Task Body_cut_short_never_gets_a_500_and_the_host_keeps_serving()
    {
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            var uri = new Uri(_bot.BaseUrl);
            await tcp.ConnectAsync(uri.Host, uri.Port);
            var stream = tcp.GetStream();
            var head = "POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"type\":\"mess";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            tcp.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);

            string? statusLine = null;
            try
            {
                using var reader = new StreamReader(stream, Encoding.ASCII);
                statusLine = await reader.ReadLineAsync();
            }
            catch (IOException)
            {
                // Kestrel may simply drop a connection whose body ended early; that is an acceptable answer too.
            }

            Assert.False(statusLine?.StartsWith("HTTP/1.1 5", StringComparison.Ordinal) ?? false, statusLine);
        }

        using var after = await PostAsync(MessageJson("still there?"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Channel_hanging_up_does_not_cut_the_turn_short()
    {
        var gate = _bot.Services.GetRequiredService<TurnGate>();
        using var hangUp = new CancellationTokenSource();
        var post = PostAsync(MessageJson("survive-hangup"), hangUp.Token);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);

        var reply = await _channel.WaitForRequestAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("still answered", reply?.Body ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payload_with_bom_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(MessageJson("bom"))).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _http.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("echo: bom", Assert.Single(_channel.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectReplies_returns_the_replies_in_the_body_and_sends_nothing()
    {
        using var response = await PostAsync(MessageJson("two", ",\"deliveryMode\":\"expectReplies\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var activities = body.RootElement.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(["first", "second"], activities.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("expectingInput", activities[1].GetProperty("inputHint").GetString());
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task Invoke_with_a_response_returns_its_status_and_body()
    {
        using var response = await PostAsync(MessageJson(string.Empty, ",\"name\":\"adaptiveCard/action\",\"value\":{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"go\"}}", type: "invoke"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("done", body.RootElement.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Invoke_without_a_response_is_501()
    {
        using var response = await PostAsync(MessageJson(string.Empty, ",\"name\":\"composeExtension/query\"", type: "invoke"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_activity_type_is_200_and_ignored()
    {
        using var response = await PostAsync(MessageJson("x", type: "someFutureType"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task Exception_in_the_turn_is_handled_with_an_apology_and_200()
    {
        using var response = await PostAsync(MessageJson("throw"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(_channel.Requests);
        Assert.Contains(JsonEncodedText.Encode(CloudAdapter.DefaultErrorMessage).ToString(), apology.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_is_sent_to_the_emulator_only()
    {
        using var emulator = await PostAsync(MessageJson("trace"));
        var toEmulator = _channel.Requests.Count;
        using var teams = await PostAsync(MessageJson("trace").Replace("\"emulator\"", "\"msteams\"", StringComparison.Ordinal));

        Assert.Equal(2, toEmulator);
        Assert.Equal(3, _channel.Requests.Count);
        Assert.Contains("\"type\":\"trace\"", _channel.Requests.First().Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("webchat", "/v3/conversations/conv%7Clivechat/activities", false)]
    [InlineData("emulator", "/v3/conversations/conv%7Clivechat/activities/in-1", true)]
    public async Task Welcome_on_conversation_update_threads_only_where_the_channel_allows(string channelId, string expectedPath, bool hasReplyToId)
    {
        var join = MessageJson("hi", ",\"membersAdded\":[{\"id\":\"bot-1\"},{\"id\":\"user-1\"}]", type: "conversationUpdate")
            .Replace("\"emulator\"", "\"" + channelId + "\"", StringComparison.Ordinal);

        using var response = await PostAsync(join);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(_channel.Requests);
        Assert.Equal(expectedPath, welcome.RawTarget);
        Assert.Contains("welcome user-1", welcome.Body, StringComparison.Ordinal);
        Assert.Equal(hasReplyToId, welcome.Body.Contains("replyToId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_app_id_without_a_secret_fails_at_start_up_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackHost.StartAsync(
            builder =>
            {
                builder.Services.AddBotFramework(builder.Configuration);
                builder.Services.AddTransient<IBot, TestBot>();
            },
            app => app.MapBotEndpoint(),
            new Dictionary<string, string?> { ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001" }));

        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_app_id_a_request_without_a_valid_token_is_401_and_never_reaches_the_bot()
    {
        await using var bot = await LoopbackHost.StartAsync(
            builder =>
            {
                builder.Services.AddBotFramework(builder.Configuration);
                builder.Services.AddTransient<IBot, TestBot>();
                builder.Services.AddSingleton<TurnGate>();
                builder.Services.AddHttpContextAccessor();
            },
            app => app.MapBotEndpoint(),
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
                ["MicrosoftAppPassword"] = "not-used-here",
                // Nothing listens here: a token that got as far as a key lookup would be refused too, never answered 5xx.
                ["ToBotFromChannelOpenIdMetadataUrl"] = "http://127.0.0.1:9/v1/.well-known/openidconfiguration",
                ["ToBotFromEmulatorOpenIdMetadataUrl"] = "http://127.0.0.1:9/common/v2.0/.well-known/openid-configuration",
            });
        using var http = new HttpClient { BaseAddress = new Uri(bot.BaseUrl) };
        string?[] headers = [null, "Bearer not-a-jwt", "Basic dXNlcjpwYXNz",
            "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2ln"];

        foreach (var header in headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(MessageJson("hi"), Encoding.UTF8, "application/json") };
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", header);
            }

            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Empty(_channel.Requests);
    }

    /// <summary>A read-only stream that hides its length so HttpClient sends the body chunked.</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
