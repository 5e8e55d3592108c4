using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AuthorBot.Bot.Proactive;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Announcements;

/// <summary>The real host in-process with a temp data folder, an API key and fast retry settings, plus seeding helpers.</summary>
internal sealed class AnnouncementHost : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789";

    private readonly TempFolder _folder;

    private AnnouncementHost(RunningHost host, TempFolder folder)
    {
        Host = host;
        _folder = folder;
    }

    public RunningHost Host { get; }

    public HttpClient Client => Host.Client;

    public static Task<AnnouncementHost> StartAsync(params string[] extraSettings) => StartAsync(null, extraSettings);

    public static async Task<AnnouncementHost> StartAsync(Action<WebApplicationBuilder>? configure, params string[] extraSettings)
    {
        var folder = new TempFolder();
        string[] settings =
        [
            "--Storage:Provider=Memory",
            $"--Proactive:DatabasePath={Path.Combine(folder.Path, "proactive.db")}",
            $"--Announcements:ApiKey={ApiKey}",
            "--Announcements:MaxPerSecond=500",
            "--Announcements:RetryBaseDelay=00:00:00.200",
            "--Announcements:PollInterval=00:00:00.100",
            "--BotFramework:Connector:PerConversationBurst=0",
            "--BotFramework:Connector:BaseDelay=00:00:00.020",
            .. extraSettings,
        ];
        var host = await RunningHost.StartAsync(settings, configure);
        return new AnnouncementHost(host, folder);
    }

    /// <summary>Stores conversation references for readers r0..r{count-1} on <paramref name="channelId"/>, one conversation each.</summary>
    public Task<List<ReaderKey>> SeedReadersAsync(int count, string serviceUrl, string channelId = "emulator", string prefix = "r") =>
        SeedReadersAsync(Host.Services.GetRequiredService<ConversationReferenceStore>(), count, serviceUrl, channelId, prefix);

    public static async Task<List<ReaderKey>> SeedReadersAsync(ConversationReferenceStore store, int count, string serviceUrl, string channelId = "emulator", string prefix = "r")
    {
        var readers = Enumerable.Range(0, count).Select(i => new ReaderKey(channelId, prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var references = readers.Select(r => (ProactiveAdapters.Connector, new ConversationReference
        {
            ChannelId = r.ChannelId,
            ServiceUrl = serviceUrl,
            User = new ChannelAccount(r.UserId, "Reader " + r.UserId),
            Bot = new ChannelAccount("bot", "AuthorBot"),
            Conversation = new ConversationAccount(isGroup: false, id: "conv-" + r.UserId),
        })).ToList();
        await store.CaptureManyAsync(references, active: false, DateTimeOffset.UtcNow, CancellationToken.None);
        return readers;
    }

    /// <summary>Writes a profile where user state keeps it.</summary>
    public async Task SetProfileAsync(ReaderKey reader, ReaderProfile profile)
    {
        var storage = Host.Services.GetRequiredService<IStorage>();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            [$"{reader.ChannelId}/users/{reader.UserId}"] = new Dictionary<string, object> { ["ReaderProfile"] = profile },
        });
    }

    public Task<HttpResponseMessage> PostAsync(string json, string? key = ApiKey) => SendAsync(HttpMethod.Post, "/api/announcements", json, key);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? key = ApiKey)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Creates an announcement and returns its id.</summary>
    public async Task<string> CreateAsync(string json)
    {
        using var response = await PostAsync(json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST failed: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls progress until nothing is pending or sending.</summary>
    public async Task<JsonElement> WaitCompletedAsync(string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var progress = await GetJsonAsync("/api/announcements/" + id);
            if (progress.GetProperty("pending").GetInt32() == 0 && progress.GetProperty("sending").GetInt32() == 0)
            {
                return progress;
            }

            Assert.True(DateTime.UtcNow < deadline, "Announcement did not complete in time: " + progress.GetRawText());
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
