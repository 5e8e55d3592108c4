using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AuthorBot.HostileBench;

/// <summary>
/// The bot's resident set while Web Chat readers upload many files: before, at its peak (sampled every 50 ms) and after,
/// plus the size of a conversation's log and of the state database.
/// </summary>
public static class UploadMemoryRun
{
    public static async Task<string> RunAsync(BotChild bot, string dataFolder, int uploads, int size, int conversations, CancellationToken cancellationToken)
    {
        var sessions = new List<(HttpClient Client, string ConversationId, string UserId)>();
        for (var i = 0; i < conversations; i++)
        {
            var client = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
            using var grant = await client.PostAsync(new Uri("api/directline/token", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"), cancellationToken).ConfigureAwait(false);
            grant.EnsureSuccessStatusCode();
            using var grantJson = JsonDocument.Parse(await grant.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", grantJson.RootElement.GetProperty("token").GetString());
            using var start = await client.PostAsync(new Uri("v3/directline/conversations", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
            start.EnsureSuccessStatusCode();
            using var startJson = JsonDocument.Parse(await start.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            sessions.Add((client, startJson.RootElement.GetProperty("conversationId").GetString()!, grantJson.RootElement.GetProperty("userId").GetString()!));
        }

        var file = new byte[size];
        new Random(13).NextBytes(file);
        "%PDF-1.7\n"u8.CopyTo(file);
        await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
        var before = bot.ResidentBytes;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(
            async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, bot.ResidentBytes);
                    await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
                }
            },
            CancellationToken.None);
        var failed = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, uploads), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var (client, conversationId, userId) = sessions[i % sessions.Count];
            using var form = new MultipartFormDataContent();
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(part, "file", $"file-{i}.pdf");
            using var response = await client.PostAsync(new Uri($"v3/directline/conversations/{conversationId}/upload?userId={userId}", UriKind.Relative), form, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failed);
            }
        }).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
        await sampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        var after = bot.ResidentBytes;
        var log = await sessions[0].Client.GetStringAsync(new Uri($"v3/directline/conversations/{sessions[0].ConversationId}/activities", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var database = new FileInfo(Path.Combine(dataFolder, "state.db"));
        foreach (var (client, _, _) in sessions)
        {
            client.Dispose();
        }

        const double MiB = 1024 * 1024;
        return FormattableString.Invariant(
            $"{uploads} uploads of {size / MiB:F1} MiB over {conversations} conversations in {elapsed.TotalSeconds:F1} s ({failed} refused); bot RSS {before / MiB:F0} MiB before, peak {peak / MiB:F0} MiB (+{(peak - before) / MiB:F0}), {after / MiB:F0} MiB after; one conversation's log {log.Length / 1024.0:F0} KiB; state.db {(database.Exists ? database.Length / MiB : 0):F1} MiB");
    }
}
