using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AuthorBot.HostileBench;

/// <summary>The built bot (AuthorBot.Bot.dll beside this program) as a child process on a free loopback port, with its data in one folder.</summary>
public sealed class BotChild : IDisposable
{
    public const string ApiKey = "hostile-bench-key-0123456789";
    public const string Secret = "hostile-bench-direct-line-secret-0123456789";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _directLine = new();

    private BotChild(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string RecentOutput => string.Join('\n', _output);

    /// <summary>
    /// The bot's Direct Line warnings (slow turns, drains that gave up), kept apart: the fuzz's turns that fail to
    /// reach their made-up channels log far more, and would push these out of <see cref="RecentOutput"/>.
    /// </summary>
    public string DirectLineWarnings => string.Join('\n', _directLine);

    /// <summary>The resident set size now, in bytes (Linux /proc; the working set elsewhere).</summary>
    public long ResidentBytes
    {
        get
        {
            var status = $"/proc/{_process.Id}/status";
            if (File.Exists(status))
            {
                var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (line is not null)
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }

            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Starts the bot built in <paramref name="botDirectory"/> (default: the one beside this program).</summary>
    public static async Task<BotChild> StartAsync(string dataFolder, IEnumerable<string> extraSettings, string? botDirectory, CancellationToken cancellationToken)
    {
        botDirectory ??= AppContext.BaseDirectory;
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = botDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(botDirectory, "AuthorBot.Bot.dll"));
        foreach (var argument in (string[])
        [
            $"--urls=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--Storage:Provider=Sqlite",
            $"--Storage:Sqlite:Path={Path.Combine(dataFolder, "state.db")}",
            $"--Proactive:DatabasePath={Path.Combine(dataFolder, "proactive.db")}",
            $"--DirectLine:DataDirectory={dataFolder}",
            $"--Recommendations:DataDirectory={dataFolder}",
            $"--DirectLine:Secret={Secret}",
            $"--Announcements:ApiKey={ApiKey}",
            "--Logging:LogLevel:Default=Warning",
            .. extraSettings,
        ])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        var bot = new BotChild(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The bot exited:\n" + bot.RecentOutput);
            }

            try
            {
                using var response = await http.GetAsync(new Uri(bot.BaseAddress, "healthz"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still starting.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        bot.Dispose();
        throw new TimeoutException("The bot did not become healthy.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.Contains("Direct Line:", StringComparison.Ordinal))
        {
            _directLine.Enqueue(line);
            while (_directLine.Count > 60 && _directLine.TryDequeue(out _))
            {
            }
        }

        while (_output.Count > 60 && _output.TryDequeue(out _))
        {
        }
    }
}
