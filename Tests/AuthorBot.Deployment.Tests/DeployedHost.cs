using System.Text;
using System.Text.Json;
using AuthorBot.Bot;
using Microsoft.AspNetCore.Builder;

namespace AuthorBot.Deployment.Tests;

/// <summary>
/// The real AuthorBot host, on a free loopback port, configured with the app settings the Bicep gives the web app
/// (read from the committed main.json): /home/data/authorbot becomes a scratch data folder, and the content root is a
/// second scratch folder holding only appsettings.json, as wwwroot does on App Service. The bot's own credentials and
/// the listening address are left out: the test cannot be Azure Bot Service, and listens on 127.0.0.1.
/// </summary>
public sealed class DeployedHost : IAsyncLifetime, IDisposable
{
    private const string AppServiceDataDirectory = "/home/data/authorbot";

    private readonly TempFolder _data = new();
    private readonly TempFolder _contentRoot = new();
    private WebApplication? _app;

    public string DataDirectory => _data.Path;

    public string ContentRoot => _contentRoot.Path;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public static string TemplateJson => File.ReadAllText(Path.Combine(BuildPaths.DeploymentTemplates, "main.json"));

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(ContentRoot, "appsettings.json"));
        _app = AuthorBotApp.Create(Arguments(DataDirectory, ContentRoot, []));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _app.StartAsync(timeout.Token);
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>
    /// The host's command line for the template's process and data settings plus <paramref name="more"/> (app settings
    /// as App Service would set them), with the data folder and content root given.
    /// </summary>
    public static string[] Arguments(string dataDirectory, string contentRoot, IEnumerable<KeyValuePair<string, string>> more)
    {
        var template = TemplateJson;
        var settings = DeployedTemplate.HostSettings(template).Where(s => s.Key != "ASPNETCORE_URLS")
            .Concat(DeployedTemplate.DataSettings(template))
            .Concat(more)
            .Select(s => $"--{ConfigurationKey(s.Key)}={s.Value.Replace(AppServiceDataDirectory, dataDirectory, StringComparison.Ordinal)}");
        return ["--urls=http://127.0.0.1:0", $"--contentRoot={contentRoot}", "--Logging:LogLevel:Default=Warning", .. settings];
    }

    /// <summary>Sends a message the way Emulator does, asking for the replies in the response, and returns their text.</summary>
    public async Task<string> SayAsync(string conversationId, string text)
    {
        var activity = new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId = "emulator",
            serviceUrl = "http://127.0.0.1:1",
            deliveryMode = "expectReplies",
            from = new { id = "reader-" + conversationId, name = "Reader" },
            recipient = new { id = "bot", name = "AuthorBot" },
            conversation = new { id = conversationId },
            text,
            locale = "en-US",
        };
        using var content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join('\n', body.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null)
            .Where(t => !string.IsNullOrEmpty(t)));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }
    }

    /// <summary>xunit calls this after <see cref="DisposeAsync"/>, once the host has let go of its files.</summary>
    public void Dispose()
    {
        _data.Dispose();
        _contentRoot.Dispose();
    }

    // What the environment-variable provider does with an app setting: ASPNETCORE_ is the host's own prefix, and "__"
    // separates sections.
    private static string ConfigurationKey(string appSetting) =>
        (appSetting.StartsWith("ASPNETCORE_", StringComparison.Ordinal) ? appSetting["ASPNETCORE_".Length..] : appSetting)
            .Replace("__", ":", StringComparison.Ordinal);
}
