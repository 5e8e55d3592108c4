using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace AuthorBot.FanOutBench;

/// <summary>
/// Fan-out across instances with one of them killed: several bot processes on one PostgreSQL database, one
/// announcement to the seeded Emulator readers created through the first instance, SIGKILL to one instance once the
/// channel has received part of it, then the survivors finish it (the dead instance's claimed deliveries wait for
/// their lease to lapse). Counts the readers reached, the copies beyond one per reader and how long it took.
/// </summary>
internal sealed class ClusterCrashRun(ClusterCrashSettings settings, PostgresCluster postgres, ChildProcess channel, Uri channelUrl, HttpClient http)
{
    private const string ApiKey = "cluster-crash-bench-key-0123456789";

    /// <summary>One run on a fresh database with the bot built in <paramref name="botDirectory"/>.</summary>
    public async Task<ClusterCrashResult> RunAsync(int kill, double fraction, int victim, string botDirectory, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "authorbot-cluster-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var bots = new List<ChildProcess>();
        try
        {
            // Three pools of 30 stay well inside the server's 300 connections.
            var connectionString = await postgres.CreateDatabaseAsync(maxPoolSize: 30, cancellationToken).ConfigureAwait(false);
            await ReaderSeeder.SeedReferencesOnPostgresAsync(connectionString, channelUrl.ToString(), "emulator", "r", settings.Readers, cancellationToken).ConfigureAwait(false);
            using (var reset = await http.PostAsync(new Uri(channelUrl, "reset"), null, cancellationToken).ConfigureAwait(false))
            {
                reset.EnsureSuccessStatusCode();
            }

            var urls = new List<Uri>();
            for (var i = 0; i < settings.Instances; i++)
            {
                var port = FreePort();
                urls.Add(new Uri($"http://127.0.0.1:{port}/"));
                bots.Add(StartBot(botDirectory, port, connectionString, Path.Combine(folder, "instance" + i.ToString(CultureInfo.InvariantCulture))));
            }

            for (var i = 0; i < settings.Instances; i++)
            {
                await WaitReadyAsync(bots[i], urls[i], cancellationToken).ConfigureAwait(false);
            }

            var processIds = bots.Select(b => b.Id).ToList();
            var posted = Stopwatch.StartNew();
            var postedAt = DateTime.UtcNow;
            var id = await CreateAsync(urls[0], cancellationToken).ConfigureAwait(false);
            await WaitForPostsAsync((int)(settings.Readers * fraction), cancellationToken).ConfigureAwait(false);
            bots[victim].Kill();
            var postToKill = posted.Elapsed;
            var postsAtKill = await CountAsync(cancellationToken).ConfigureAwait(false);
            var window = await SendingAtKillAsync(connectionString, id, processIds[victim], cancellationToken).ConfigureAwait(false);

            var survivor = urls[(victim + 1) % settings.Instances];
            await WaitCompletedAsync(survivor, id, cancellationToken).ConfigureAwait(false);
            var stats = await StatsAsync(cancellationToken).ConfigureAwait(false);
            var (sentPerInstance, resent) = await DeliveryFiguresAsync(connectionString, id, processIds, cancellationToken).ConfigureAwait(false);
            return new ClusterCrashResult(
                kill,
                victim,
                postsAtKill,
                stats.Posts,
                settings.Readers - stats.Missing,
                stats.DuplicateConversations,
                stats.DuplicateKeys,
                window,
                sentPerInstance,
                resent,
                postToKill,
                new DateTime(stats.LastTicks, DateTimeKind.Utc) - postedAt,
                LoadAverage());
        }
        finally
        {
            foreach (var bot in bots)
            {
                bot.Dispose();
            }

            TryDelete(folder);
        }
    }

    private ChildProcess StartBot(string botDirectory, int port, string connectionString, string folder)
    {
        List<string> arguments =
        [
            Path.Combine(botDirectory, "AuthorBot.Bot.dll"),
            $"--urls=http://127.0.0.1:{port}",
            "--Storage:Provider=Postgres",
            $"--ConnectionStrings:Postgres={connectionString}",
            $"--Proactive:LeaseDuration={settings.Lease.ToString("c", CultureInfo.InvariantCulture)}",
            $"--Proactive:DatabasePath={Path.Combine(folder, "proactive.db")}",
            $"--Recommendations:DataDirectory={Path.Combine(folder, "recommender")}",
            $"--DirectLine:DataDirectory={Path.Combine(folder, "directline")}",
            $"--Announcements:ApiKey={ApiKey}",
            $"--Announcements:MaxPerSecond={settings.Rate.ToString(CultureInfo.InvariantCulture)}",
            $"--BotFramework:Connector:PerTenantPerPeriod={Math.Max(25, 2 * settings.Rate).ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
        ];
        return ChildProcess.Start("dotnet", arguments, botDirectory, null, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
    }

    /// <summary>
    /// The at-least-once window of the dead instance: its rows still "sending" (posted or about to be, the outcome not
    /// committed) when it died; nothing it does can change them any more, and only these may reach a reader twice.
    /// </summary>
    private static async Task<long> SendingAtKillAsync(string connectionString, string announcementId, int processId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM deliveries WHERE announcement_id = @a AND state = 'sending' AND lease_owner LIKE @owner", connection);
        command.Parameters.AddWithValue("a", announcementId);
        command.Parameters.AddWithValue("owner", "%:" + processId.ToString(CultureInfo.InvariantCulture) + ":%");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Sent deliveries per instance (by the lease owner, which names the process id) and those sent on a second attempt.</summary>
    private static async Task<(IReadOnlyList<long> PerInstance, long Resent)> DeliveryFiguresAsync(string connectionString, string announcementId, List<int> processIds, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var perInstance = new long[processIds.Count];
        await using (var command = new NpgsqlCommand("SELECT lease_owner, COUNT(*) FROM deliveries WHERE announcement_id = @a AND state = 'sent' GROUP BY lease_owner", connection))
        {
            command.Parameters.AddWithValue("a", announcementId);
            await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // The owner is "{machine}:{process id}:{random}".
                var parts = rows.IsDBNull(0) ? [] : rows.GetString(0).Split(':');
                var index = parts.Length >= 2 && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? processIds.IndexOf(pid) : -1;
                if (index >= 0)
                {
                    perInstance[index] += rows.GetInt64(1);
                }
            }
        }

        await using var resent = new NpgsqlCommand("SELECT COUNT(*) FROM deliveries WHERE announcement_id = @a AND state = 'sent' AND attempts > 1", connection);
        resent.Parameters.AddWithValue("a", announcementId);
        return (perInstance, (long)(await resent.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
    }

    private async Task<string> CreateAsync(Uri botUrl, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(botUrl, "api/announcements"))
        {
            Content = new StringContent("""{"name":"cluster crash bench","text":"Hello {name}, the book is out"}""", Encoding.UTF8, "application/json"),
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

    private async Task WaitReadyAsync(ChildProcess bot, Uri botUrl, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException("The bot exited:\n" + bot.RecentOutput);
            }

            try
            {
                using var response = await http.GetAsync(new Uri(botUrl, "healthz/ready"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException("The bot did not become ready:\n" + bot.RecentOutput);
    }

    private async Task<int> CountAsync(CancellationToken cancellationToken) =>
        int.Parse(await http.GetStringAsync(new Uri(channelUrl, "count"), cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

    private async Task WaitForPostsAsync(int count, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (await CountAsync(cancellationToken).ConfigureAwait(false) < count)
        {
            if (DateTime.UtcNow > deadline || channel.HasExited)
            {
                throw new TimeoutException($"Fewer than {count} posts arrived in time.\n{channel.RecentOutput}");
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitCompletedAsync(Uri botUrl, string id, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + settings.Lease + TimeSpan.FromSeconds(300);
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
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The survivors did not complete the announcement: " + progress.GetRawText());
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
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
            // A file still held by a dying bot; the temp folder is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
