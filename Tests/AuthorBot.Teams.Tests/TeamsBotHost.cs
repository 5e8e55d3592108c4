using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AuthorBot.Bot;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;

namespace AuthorBot.Teams.Tests;

/// <summary>
/// The real AuthorBot host, in-process and anonymous (no app id, as the playground needs) on a free loopback port,
/// with its SQLite data in one folder and the shipped author content moved into the future.
/// </summary>
internal sealed class TeamsBotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly HttpClient _client;

    private TeamsBotHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    /// <summary>The messaging endpoint the playground posts to.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}/api/messages";

    public IServiceProvider Services => _app.Services;

    public static async Task<TeamsBotHost> StartAsync(string dataFolder, params string[] settings)
    {
        var port = FreePort();
        string[] args =
        [
            $"--urls=http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default=Warning",
            "--Storage:Provider=Sqlite",
            $"--Storage:Sqlite:Path={Path.Combine(dataFolder, "authorbot.db")}",
            $"--DirectLine:DataDirectory={dataFolder}",
            $"--Proactive:DatabasePath={Path.Combine(dataFolder, "proactive.db")}",
            $"--Recommendations:DataDirectory={dataFolder}",
            $"--{ContentServiceCollectionExtensions.PathKey}={await WriteContentWithFutureDatesAsync(dataFolder)}",
            .. settings,
        ];
        var app = AuthorBotApp.Create(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.StartAsync(timeout.Token);
        return new TeamsBotHost(app, port);
    }

    /// <summary>Posts an activity with <c>expectReplies</c> and returns what the bot answered in the HTTP response.</summary>
    public async Task<IList<Activity>> ExpectRepliesAsync(Activity activity)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var response = await PostAsync(activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        return body.Length == 0 ? [] : BotJson.Deserialize(body, BotJsonContext.Default.ExpectedReplies)?.Activities ?? [];
    }

    /// <summary>Posts an activity to /api/messages as a channel would.</summary>
    public Task<HttpResponseMessage> PostAsync(Activity activity) =>
        _client.PostAsync(new Uri("api/messages", UriKind.Relative), new ByteArrayContent(BotJson.SerializeToUtf8Bytes(activity))
        {
            Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") },
        });

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    // The shipped events and launch have fixed dates that will pass; every event moves to 30, 31... days from now.
    private static async Task<string> WriteContentWithFutureDatesAsync(string folder)
    {
        var shipped = await File.ReadAllTextAsync(ContentServiceCollectionExtensions.ResolvePath(null));
        var next = 30;
        var moved = Regex.Replace(shipped, "\"startsAt\": \"[^\"]*\"", _ => $"\"startsAt\": \"{LocalDate(next++)}\"", RegexOptions.None, TimeSpan.FromSeconds(1));
        var launches = 0;
        moved = Regex.Replace(moved, "(\"launch\": \\{\\s*\"at\": )\"[^\"]*\"", m => $"{m.Groups[1].Value}\"{LocalDate(60 + launches++)}\"", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(next > 30 && launches > 0, "the shipped author.json has no events or launch to move");
        var path = Path.Combine(folder, "author.json");
        await File.WriteAllTextAsync(path, moved);
        return path;
    }

    private static string LocalDate(int daysFromNow) =>
        DateTime.UtcNow.Date.AddDays(daysFromNow).AddHours(18).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
