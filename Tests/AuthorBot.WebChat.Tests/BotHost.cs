using System.Net;
using System.Net.Sockets;
using AuthorBot.Bot;

namespace AuthorBot.WebChat.Tests;

/// <summary>
/// The real AuthorBot host, in-process on a loopback port, keeping everything it stores (SQLite data, the generated
/// Direct Line secret) in one folder, so it can be stopped and started again as the same bot on the same address.
/// </summary>
internal sealed class BotHost : IAsyncDisposable
{
    private readonly string _dataFolder;
    private readonly string[] _extraArgs;
    private WebApplication? _app;

    private BotHost(string dataFolder, int port, string[] extraArgs)
    {
        _dataFolder = dataFolder;
        Port = port;
        _extraArgs = extraArgs;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The running host's services, for seeding data the way the bot itself stores it.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host is not running.");

    /// <summary>The proactive database the host keeps readers and announcements in.</summary>
    public string ProactiveDatabasePath => Path.Combine(_dataFolder, "proactive.db");

    /// <summary>Bound for one start or stop, so a hung host fails the test instead of hanging the run.</summary>
    private static TimeSpan StartStopTimeout => TimeSpan.FromSeconds(60);

    public static async Task<BotHost> StartAsync(string dataFolder, params string[] extraArgs)
    {
        var host = new BotHost(dataFolder, FreePort(), extraArgs);
        await host.StartAppAsync();
        return host;
    }

    /// <summary>Stops the host the way a deployment would (graceful shutdown) and starts a new one on the same data.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAppAsync();
    }

    /// <summary>Starts the host again after <see cref="StopAsync"/>, as the same bot on the same address.</summary>
    public Task StartAgainAsync() => _app is null ? StartAppAsync() : Task.CompletedTask;

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            using var timeout = new CancellationTokenSource(StartStopTimeout);
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartAppAsync()
    {
        string[] args =
        [
            $"--urls=http://127.0.0.1:{Port}",
            "--Logging:LogLevel:Default=Warning",
            "--Storage:Provider=Sqlite",
            $"--Storage:Sqlite:Path={Path.Combine(_dataFolder, "authorbot.db")}",
            $"--DirectLine:DataDirectory={_dataFolder}",
            $"--Proactive:DatabasePath={ProactiveDatabasePath}",
            $"--Recommendations:DataDirectory={_dataFolder}",
            .. _extraArgs,
        ];
        var app = AuthorBotApp.Create(args);
        using var timeout = new CancellationTokenSource(StartStopTimeout);
        await app.StartAsync(timeout.Token);
        _app = app;
    }

    // The port must stay the same across a restart (the page and its socket know only that address), so it is picked
    // once here rather than letting Kestrel choose on every start.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
