using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AuthorBot.Bot.Tests.EndToEnd;

namespace AuthorBot.Bot.Tests.Reliability;

/// <summary>A Web Chat reader's Direct Line conversation with the running host: token from the page's endpoint, conversation started.</summary>
internal sealed class DirectLineSession : IDisposable
{
    private DirectLineSession(HttpClient client, string conversationId, string userId, string token)
    {
        Client = client;
        ConversationId = conversationId;
        UserId = userId;
        Token = token;
    }

    /// <summary>Authorized with the conversation's token, based at <c>/v3/directline/</c>.</summary>
    public HttpClient Client { get; }

    public string ConversationId { get; }

    public string UserId { get; }

    public string Token { get; }

    /// <summary>A new reader: a browser of its own (its own cookies), a token from the page's endpoint, a conversation.</summary>
    public static async Task<DirectLineSession> StartAsync(RunningHost host)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(host.BaseAddress, "/v3/directline/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var grant = await client.PostAsync(new Uri("/api/directline/token", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        grant.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await grant.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString()!;
        var userId = body.RootElement.GetProperty("userId").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var start = await client.PostAsync(new Uri("conversations", UriKind.Relative), null);
        start.EnsureSuccessStatusCode();
        using var started = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
        return new DirectLineSession(client, started.RootElement.GetProperty("conversationId").GetString()!, userId, token);
    }

    /// <summary>A conversation started with a token issued elsewhere (the dashboard's author chat, say).</summary>
    public static async Task<DirectLineSession> StartWithTokenAsync(RunningHost host, string token, string userId)
    {
        var client = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "/v3/directline/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var start = await client.PostAsync(new Uri("conversations", UriKind.Relative), null);
        start.EnsureSuccessStatusCode();
        using var started = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
        return new DirectLineSession(client, started.RootElement.GetProperty("conversationId").GetString()!, userId, token);
    }

    public Task<HttpResponseMessage> PostAsync(string json) =>
        Client.PostAsync(new Uri($"conversations/{ConversationId}/activities", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Uploads one file the way Web Chat does (an activity part and a file part).</summary>
    public Task<HttpResponseMessage> UploadAsync(ReadOnlyMemory<byte> content, string contentType, string fileName)
    {
        var form = new MultipartFormDataContent();
        var activity = new ByteArrayContent("{\"type\":\"message\"}"u8.ToArray());
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ReadOnlyMemoryContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return Client.PostAsync(new Uri($"conversations/{ConversationId}/upload?userId={Uri.EscapeDataString(UserId)}", UriKind.Relative), form);
    }

    /// <summary>Every activity in the conversation's log.</summary>
    public async Task<List<JsonElement>> ActivitiesAsync()
    {
        using var response = await Client.GetAsync(new Uri($"conversations/{ConversationId}/activities", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }

    /// <summary>Texts the bot wrote, in order.</summary>
    public async Task<List<string>> BotTextsAsync() =>
        [.. (await ActivitiesAsync())
            .Where(a => a.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.GetString() == "bot")
            .Select(a => a.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty)];

    public void Dispose() => Client.Dispose();
}
