using System.Text.Json;
using AuthorBot.Bot.Tests.Flows;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;

namespace AuthorBot.Bot.Tests.EndToEnd;

/// <summary>The real AuthorBot host, started in-process on a free loopback port.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempFolder? _content;

    private RunningHost(WebApplication app, Uri baseAddress, TempFolder? content)
    {
        _app = app;
        _content = content;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningHost> StartAsync(IEnumerable<string> settings, Action<WebApplicationBuilder>? configure = null)
    {
        List<string> args = ["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings];

        // The shipped demo content has fixed dates that will pass; unless a test brings its own content, the host
        // serves the shipped file with its events and launch moved into the future.
        TempFolder? content = null;
        if (!args.Any(a => a.StartsWith("--" + ContentServiceCollectionExtensions.PathKey + "=", StringComparison.OrdinalIgnoreCase)))
        {
            content = new TempFolder();
            args.Add($"--{ContentServiceCollectionExtensions.PathKey}={await TestContent.WriteShippedWithFutureEventsAsync(content.Path)}");
        }

        var app = AuthorBotApp.Create([.. args], builder =>
        {
            builder.Services.AddSingleton(SharedModels.Cache);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Urls.Single();
        return new RunningHost(app, new Uri(address), content);
    }

    public static Task<RunningHost> StartWithMemoryAsync(Action<WebApplicationBuilder>? configure = null) =>
        StartAsync(["--Storage:Provider=Memory"], configure);

    /// <summary>Sends one activity with expectReplies and returns the reply texts.</summary>
    public async Task<string> ExpectRepliesAsync(string conversationId, string userId, string text)
    {
        var activity = NewMessage(conversationId, userId, text, "http://127.0.0.1:1");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var response = await PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join('\n', body.RootElement.GetProperty("activities").EnumerateArray()
            .Where(a => !a.TryGetProperty("type", out var type) || type.GetString() == ActivityTypes.Message)
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : string.Empty));
    }

    /// <summary>Sends one message with expectReplies and returns the reply activities (buttons and cards included).</summary>
    public async Task<List<Activity>> ExpectActivitiesAsync(string conversationId, string userId, string text)
    {
        var activity = NewMessage(conversationId, userId, text, "http://127.0.0.1:1");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var response = await PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => BotJson.DeserializeActivity(System.Text.Encoding.UTF8.GetBytes(a.GetRawText()))!)
            .Where(a => a.Type == ActivityTypes.Message)];
    }

    public Task<HttpResponseMessage> PostActivityAsync(Activity activity) =>
        Client.PostAsync(new Uri("/api/messages", UriKind.Relative), new ByteArrayContent(BotJson.SerializeToUtf8Bytes(activity))
        {
            Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") },
        });

    public static Activity NewMessage(string conversationId, string userId, string text, string serviceUrl) => new(ActivityTypes.Message)
    {
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount(userId, "Reader " + userId),
        Recipient = new ChannelAccount("bot", "AuthorBot"),
        Conversation = new ConversationAccount(isGroup: false, id: conversationId, name: conversationId),
        Text = text,
        Locale = "en-US",
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _content?.Dispose();
    }
}
