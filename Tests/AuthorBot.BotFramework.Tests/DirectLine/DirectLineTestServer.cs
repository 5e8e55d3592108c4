using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.DirectLine;
using AuthorBot.BotFramework.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthorBot.BotFramework.Tests.DirectLine;

/// <summary>A real Kestrel host on 127.0.0.1 with a free port, the Direct Line routes and <see cref="EchoTestBot"/>.</summary>
internal sealed class DirectLineTestServer : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnop";
    public const string AllowedOrigin = "http://page.example";

    private readonly WebApplication _app;

    private DirectLineTestServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>The Direct Line domain, e.g. http://127.0.0.1:PORT/v3/directline/.</summary>
    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DirectLineTestServer> StartAsync(IStorage? storage = null, Action<DirectLineOptions>? configure = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(storage ?? new MemoryStorage());
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSingleton<IBot, EchoTestBot>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = Secret,
            ["DirectLine:AllowedOrigins:0"] = AllowedOrigin,
            ["DirectLine:BotId"] = "echo-bot",
        }).Build();
        builder.Services.AddDirectLine(configuration, configure);
        var app = builder.Build();
        app.MapDirectLine("/v3/directline");
        await app.StartAsync();
        var address = new Uri(app.Urls.First().TrimEnd('/') + "/v3/directline/");
        return new DirectLineTestServer(app, address);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, string? bearer, string? json = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendAsync(method, path, bearer, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: expected {expected}, got {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Generates a token (optionally for a user) and starts its conversation; returns (conversationId, token, start response).</summary>
    public async Task<(string ConversationId, string Token, JsonElement Started)> StartConversationAsync(string? userId = "dl_reader")
    {
        var generated = await SendJsonAsync(HttpMethod.Post, "tokens/generate", Secret, userId is null ? null : JsonSerializer.Serialize(new { user = new { id = userId } }));
        var started = await SendJsonAsync(HttpMethod.Post, "conversations", generated.GetProperty("token").GetString(), """{"user":{}}""", HttpStatusCode.Created);
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!, started);
    }

    public Task<JsonElement> GetActivitiesAsync(string conversationId, string token, string? watermark = null) =>
        SendJsonAsync(HttpMethod.Get, $"conversations/{conversationId}/activities?watermark={watermark}", token);

    public Task<JsonElement> PostMessageAsync(string conversationId, string token, string text, string clientActivityId = "client-1", string? fromId = "dl_reader") =>
        SendJsonAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, JsonSerializer.Serialize(new
        {
            type = "message",
            text,
            channelData = new { clientActivityID = clientActivityId },
            from = new { id = fromId, role = "user" },
        }));

    public static JsonElement[] Activities(JsonElement activitySet) => [.. activitySet.GetProperty("activities").EnumerateArray()];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
