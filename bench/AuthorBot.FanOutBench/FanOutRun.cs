using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AuthorBot.FanOutBench;

/// <summary>
/// One measured fan-out at one configured rate: a fresh data folder and a fresh bot process (so no reader is at their
/// weekly cap from the previous rate), a warm-up announcement to other readers, then the measured one.
/// </summary>
internal sealed class FanOutRun(FanOutSettings settings, ChildProcess channel, Uri channelUrl, HttpClient http)
{
    private const string ApiKey = "fan-out-bench-key-0123456789";
    private const string Text = "Hello {name}, the new book is out: https://example.com/book";

    public async Task<FanOutResult> RunAsync(int rate, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "authorbot-fanout-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var proactive = Path.Combine(folder, "proactive.db");
            var state = Path.Combine(folder, "state.db");
            await ReaderSeeder.SeedReferencesAsync(proactive, channelUrl.ToString(), "emulator", "r", settings.Readers, cancellationToken).ConfigureAwait(false);
            await ReaderSeeder.SeedReferencesAsync(proactive, channelUrl.ToString(), "warmup", "w", settings.WarmupReaders, cancellationToken).ConfigureAwait(false);
            if (settings.Audience == "subscribers")
            {
                await ReaderSeeder.SeedSubscribedProfilesAsync(state, "emulator", "r", settings.Readers, cancellationToken).ConfigureAwait(false);
            }

            using var bot = StartBot(rate, proactive, state, out var botUrl);
            await WaitHealthyAsync(bot, botUrl, cancellationToken).ConfigureAwait(false);
            if (settings.WarmupReaders > 0)
            {
                var warmup = await CreateAsync(botUrl, "all", "warmup", cancellationToken).ConfigureAwait(false);
                await WaitForPostsAsync(settings.WarmupReaders, Deadline(settings.WarmupReaders, rate), cancellationToken).ConfigureAwait(false);
                await WaitCompletedAsync(botUrl, warmup, cancellationToken).ConfigureAwait(false);
            }

            using (var reset = await http.PostAsync(new Uri(channelUrl, "reset"), null, cancellationToken).ConfigureAwait(false))
            {
                reset.EnsureSuccessStatusCode();
            }

            var botCpu = bot.CpuTime;
            var channelCpu = (await StatsAsync(cancellationToken).ConfigureAwait(false)).CpuMs;
            var posted = DateTime.UtcNow;
            var id = await CreateAsync(botUrl, settings.Audience, "emulator", cancellationToken).ConfigureAwait(false);
            var answered = DateTime.UtcNow;
            await WaitForPostsAsync(settings.Readers, Deadline(settings.Readers, rate), cancellationToken).ConfigureAwait(false);
            var sent = await WaitCompletedAsync(botUrl, id, cancellationToken).ConfigureAwait(false);
            var botCpuMs = (bot.CpuTime - botCpu).TotalMilliseconds;
            var stats = await StatsAsync(cancellationToken).ConfigureAwait(false);
            return new FanOutResult(
                rate,
                settings.Readers,
                TimeSpan.FromSeconds((settings.Readers - 1) / (double)rate),
                TimeSpan.FromTicks(stats.LastTicks - stats.FirstTicks),
                TimeSpan.FromTicks(stats.LastTicks - posted.Ticks),
                answered - posted,
                botCpuMs / settings.Readers,
                (stats.CpuMs - channelCpu) / settings.Readers,
                sent,
                Math.Max(stats.DuplicateConversations, stats.DuplicateKeys) + stats.Unexpected,
                stats.Missing,
                LoadAverage());
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private ChildProcess StartBot(int rate, string proactive, string state, out Uri botUrl)
    {
        var port = FreePort();
        botUrl = new Uri($"http://127.0.0.1:{port}/");
        List<string> arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "AuthorBot.Bot.dll"),
            $"--urls=http://127.0.0.1:{port}",
            "--Storage:Provider=Sqlite",
            $"--Storage:Sqlite:Path={state}",
            $"--Proactive:DatabasePath={proactive}",
            $"--Announcements:ApiKey={ApiKey}",
            $"--Announcements:MaxPerSecond={rate.ToString(CultureInfo.InvariantCulture)}",

            // The Connector's own outbound limit per tenant (default 25/s, Teams' documented app limit) would cap the
            // rate below the configured one; an operator raising Announcements:MaxPerSecond raises this with it.
            $"--BotFramework:Connector:PerTenantPerPeriod={Math.Max(25, 2 * rate).ToString(CultureInfo.InvariantCulture)}",
        ];
        if (settings.MaxConcurrentSends is { } concurrency)
        {
            arguments.Add($"--Announcements:MaxConcurrentSends={concurrency.ToString(CultureInfo.InvariantCulture)}");
        }

        arguments.AddRange(settings.BotSettings);

        // The working directory is the bot's own folder, so its appsettings.json (logging at Information) applies.
        return ChildProcess.Start(
            "dotnet",
            arguments,
            AppContext.BaseDirectory,
            settings.Pin ? 0 : null,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
    }

    private async Task<string> CreateAsync(Uri botUrl, string audience, string channelId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["name"] = "fan-out bench",
            ["text"] = Text,
            ["audience"] = new Dictionary<string, string> { ["kind"] = audience, ["channel"] = channelId },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(botUrl, "api/announcements"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/announcements answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    private async Task WaitHealthyAsync(ChildProcess bot, Uri botUrl, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException("The bot exited:\n" + bot.RecentOutput);
            }

            try
            {
                using var response = await http.GetAsync(new Uri(botUrl, "healthz"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException("The bot did not become healthy:\n" + bot.RecentOutput);
    }

    /// <summary>Polls the channel's cheap counter (not the bot, whose progress query would cost it CPU mid-run).</summary>
    private async Task WaitForPostsAsync(int count, DateTime deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            var posts = int.Parse(await http.GetStringAsync(new Uri(channelUrl, "count"), cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (posts >= count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline || channel.HasExited)
            {
                throw new TimeoutException($"Only {posts} of {count} posts arrived in time.\n{channel.RecentOutput}");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until nothing is pending or sending (every outcome written) and returns how many were sent.</summary>
    private async Task<int> WaitCompletedAsync(Uri botUrl, string id, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(botUrl, "api/announcements/" + id));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var progress = document.RootElement;
            if (progress.GetProperty("pending").GetInt32() == 0 && progress.GetProperty("sending").GetInt32() == 0)
            {
                return progress.GetProperty("sent").GetInt32();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The announcement did not complete: " + progress.GetRawText());
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ChannelStats> StatsAsync(CancellationToken cancellationToken)
    {
        var uri = new Uri(channelUrl, $"stats?prefix=conv-r&count={settings.Readers.ToString(CultureInfo.InvariantCulture)}");
        var json = await http.GetStringAsync(uri, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(json, FanOutJsonContext.Default.ChannelStats)
            ?? throw new InvalidOperationException("The channel sent no stats.");
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static DateTime Deadline(int readers, int rate) => DateTime.UtcNow + TimeSpan.FromSeconds((4.0 * readers / rate) + 60);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying bot process; the temp folder is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
