using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AuthorBot.FanOutBench;

/// <summary>
/// Copies per SIGKILL: announces to Emulator-channel readers (posts to the channel process) and to Direct Line readers
/// (the bot's own conversation log), kills the bot with SIGKILL part-way, starts it again on the same files, waits
/// until every delivery has an outcome, and counts the readers who got a second copy, per channel.
/// </summary>
internal sealed class CrashRun(CrashSettings settings, ChildProcess channel, Uri channelUrl, HttpClient http)
{
    private const string ApiKey = "crash-bench-key-0123456789";

    /// <summary>One kill with the bot built in <paramref name="botDirectory"/> (AuthorBot.Bot.dll and its appsettings.json).</summary>
    public async Task<CrashResult> RunAsync(int kill, double fraction, string botDirectory, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "authorbot-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var proactive = Path.Combine(folder, "proactive.db");
            var state = Path.Combine(folder, "state.db");
            await ReaderSeeder.SeedReferencesAsync(proactive, channelUrl.ToString(), "emulator", "r", settings.Readers, cancellationToken).ConfigureAwait(false);
            using (var reset = await http.PostAsync(new Uri(channelUrl, "reset"), null, cancellationToken).ConfigureAwait(false))
            {
                reset.EnsureSuccessStatusCode();
            }

            var port = FreePort();
            var botUrl = new Uri($"http://127.0.0.1:{port}/");
            List<DirectLineReader> directLine;
            string id;
            int postsAtKill;
            using (var first = StartBot(botDirectory, port, proactive, state))
            {
                await WaitHealthyAsync(first, botUrl, cancellationToken).ConfigureAwait(false);
                directLine = await StartDirectLineReadersAsync(botUrl, settings.DirectLineReaders, cancellationToken).ConfigureAwait(false);
                id = await CreateAsync(botUrl, cancellationToken).ConfigureAwait(false);
                await WaitForPostsAsync((int)(settings.Readers * fraction), cancellationToken).ConfigureAwait(false);
                first.Kill();
                postsAtKill = await CountAsync(cancellationToken).ConfigureAwait(false);
            }

            using var second = StartBot(botDirectory, port, proactive, state);
            await WaitHealthyAsync(second, botUrl, cancellationToken).ConfigureAwait(false);
            var sent = await WaitCompletedAsync(botUrl, id, cancellationToken).ConfigureAwait(false);
            var stats = await StatsAsync(cancellationToken).ConfigureAwait(false);
            var (directLineCopies, directLineMissing) = await CountDirectLineCopiesAsync(botUrl, directLine, cancellationToken).ConfigureAwait(false);
            return new CrashResult(
                kill,
                postsAtKill,
                sent,
                stats.DuplicateConversations,
                stats.Missing,
                directLineCopies,
                directLineMissing,
                LoadAverage());
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private ChildProcess StartBot(string botDirectory, int port, string proactive, string state)
    {
        List<string> arguments =
        [
            Path.Combine(botDirectory, "AuthorBot.Bot.dll"),
            $"--urls=http://127.0.0.1:{port}",
            "--Storage:Provider=Sqlite",
            $"--Storage:Sqlite:Path={state}",
            $"--Proactive:DatabasePath={proactive}",
            $"--Announcements:ApiKey={ApiKey}",
            $"--Announcements:MaxPerSecond={settings.Rate.ToString(CultureInfo.InvariantCulture)}",
            $"--BotFramework:Connector:PerTenantPerPeriod={Math.Max(25, 2 * settings.Rate).ToString(CultureInfo.InvariantCulture)}",
            $"--DirectLine:DataDirectory={Path.GetDirectoryName(state)}",
            "--Logging:LogLevel:Default=Warning",
        ];
        return ChildProcess.Start("dotnet", arguments, botDirectory, null, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
    }

    /// <summary>Readers who chatted on the bot's own Web Chat channel: a token, a conversation and one message each.</summary>
    private async Task<List<DirectLineReader>> StartDirectLineReadersAsync(Uri botUrl, int count, CancellationToken cancellationToken)
    {
        var readers = new List<DirectLineReader>(count);
        for (var i = 0; i < count; i++)
        {
            using var grant = await http.PostAsync(new Uri(botUrl, "api/directline/token"), new StringContent("{}", Encoding.UTF8, "application/json"), cancellationToken).ConfigureAwait(false);
            grant.EnsureSuccessStatusCode();
            string token;
            using (var body = JsonDocument.Parse(await grant.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)))
            {
                token = body.RootElement.GetProperty("token").GetString()!;
            }

            using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(botUrl, "v3/directline/conversations"));
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var started = await http.SendAsync(start, cancellationToken).ConfigureAwait(false);
            started.EnsureSuccessStatusCode();
            string conversationId;
            using (var body = JsonDocument.Parse(await started.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)))
            {
                conversationId = body.RootElement.GetProperty("conversationId").GetString()!;
            }

            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(botUrl, $"v3/directline/conversations/{conversationId}/activities"))
            {
                Content = new StringContent("""{"type":"message","text":"hi"}""", Encoding.UTF8, "application/json"),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var posted = await http.SendAsync(post, cancellationToken).ConfigureAwait(false);
            posted.EnsureSuccessStatusCode();
            readers.Add(new DirectLineReader(conversationId, token));
        }

        return readers;
    }

    /// <summary>Per Direct Line conversation, the announcement activities in its log beyond the first; and conversations with none.</summary>
    private async Task<(int Copies, int Missing)> CountDirectLineCopiesAsync(Uri botUrl, List<DirectLineReader> readers, CancellationToken cancellationToken)
    {
        var copies = 0;
        var missing = 0;
        foreach (var reader in readers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(botUrl, $"v3/directline/conversations/{reader.ConversationId}/activities"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", reader.Token);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var announcements = body.RootElement.GetProperty("activities").EnumerateArray()
                .Count(a => a.TryGetProperty("channelData", out var data) && data.ValueKind == JsonValueKind.Object
                    && data.TryGetProperty("authorBot", out var bot) && bot.TryGetProperty("idempotencyKey", out _));
            copies += Math.Max(0, announcements - 1);
            missing += announcements == 0 ? 1 : 0;
        }

        return (copies, missing);
    }

    private async Task<string> CreateAsync(Uri botUrl, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(botUrl, "api/announcements"))
        {
            Content = new StringContent("""{"name":"crash bench","text":"Hello {name}, the book is out"}""", Encoding.UTF8, "application/json"),
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

    private async Task<int> CountAsync(CancellationToken cancellationToken) =>
        int.Parse(await http.GetStringAsync(new Uri(channelUrl, "count"), cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

    private async Task WaitForPostsAsync(int count, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (await CountAsync(cancellationToken).ConfigureAwait(false) < count)
        {
            if (DateTime.UtcNow > deadline || channel.HasExited)
            {
                throw new TimeoutException($"Fewer than {count} posts arrived in time.\n{channel.RecentOutput}");
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<int> WaitCompletedAsync(Uri botUrl, string id, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
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
                throw new TimeoutException("The announcement did not complete after the restart: " + progress.GetRawText());
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
            // A file still held by the dying bot process; the temp folder is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private sealed record DirectLineReader(string ConversationId, string Token);
}
