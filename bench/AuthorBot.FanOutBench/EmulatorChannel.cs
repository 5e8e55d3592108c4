using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AuthorBot.FanOutBench;

/// <summary>
/// The channel side, run as its own process so its CPU is not charged to the bot: a Kestrel server on 127.0.0.1 with
/// the Connector's <c>POST v3/conversations/{id}/activities</c> route, like the Emulator. It answers every post with a
/// message id and records when it arrived, its conversation and its idempotency key; <c>GET /stats</c> checks the
/// posts against the expected readers and <c>POST /reset</c> forgets them (after the warm-up).
/// </summary>
internal sealed class EmulatorChannel
{
    private ConcurrentQueue<ReceivedPost> _posts = new();
    private int _nextId;

    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new EmulatorChannel();
        app.MapPost("/v3/conversations/{conversationId}/activities", channel.PostAsync);
        app.MapGet("/count", context => context.Response.WriteAsync(Volatile.Read(ref channel._posts).Count.ToString(CultureInfo.InvariantCulture), context.RequestAborted));
        app.MapGet("/stats", channel.StatsAsync);
        app.MapPost("/reset", channel.Reset);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        // The driver reads this line for the address, then ends the process when it is done.
        Console.WriteLine("CHANNEL_LISTENING " + app.Urls.Single() + "/");
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private async Task PostAsync(HttpContext context)
    {
        var at = DateTime.UtcNow.Ticks;
        var conversationId = (string)context.Request.RouteValues["conversationId"]!;
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var key = body.RootElement.TryGetProperty("channelData", out var data)
            && data.TryGetProperty("authorBot", out var bot)
            && bot.TryGetProperty("idempotencyKey", out var k)
            ? k.GetString() ?? string.Empty
            : string.Empty;
        Volatile.Read(ref _posts).Enqueue(new ReceivedPost(conversationId, key, at));
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"id\":\"msg-" + id + "\"}", context.RequestAborted).ConfigureAwait(false);
    }

    private void Reset(HttpContext context) => Volatile.Write(ref _posts, new ConcurrentQueue<ReceivedPost>());

    /// <summary>Expected readers are conversations <c>{prefix}0</c> .. <c>{prefix}{count-1}</c>.</summary>
    private Task StatsAsync(HttpContext context)
    {
        var prefix = context.Request.Query["prefix"].ToString();
        var count = int.TryParse(context.Request.Query["count"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var posts = Volatile.Read(ref _posts).ToArray();
        var perConversation = new Dictionary<string, int>(posts.Length, StringComparer.Ordinal);
        var keys = new HashSet<string>(posts.Length, StringComparer.Ordinal);
        long first = long.MaxValue, last = long.MinValue;
        foreach (var post in posts)
        {
            perConversation[post.ConversationId] = perConversation.GetValueOrDefault(post.ConversationId) + 1;
            keys.Add(post.IdempotencyKey);
            first = Math.Min(first, post.AtTicks);
            last = Math.Max(last, post.AtTicks);
        }

        var missing = 0;
        var expected = new HashSet<string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var conversation = prefix + i.ToString(CultureInfo.InvariantCulture);
            expected.Add(conversation);
            missing += perConversation.ContainsKey(conversation) ? 0 : 1;
        }

        using var self = Process.GetCurrentProcess();
        var stats = new ChannelStats(
            posts.Length,
            perConversation.Values.Sum(c => c - 1),
            posts.Length - keys.Count,
            missing,
            perConversation.Keys.Count(c => !expected.Contains(c)),
            posts.Length == 0 ? 0 : first,
            posts.Length == 0 ? 0 : last,
            self.TotalProcessorTime.TotalMilliseconds);
        return context.Response.WriteAsync(JsonSerializer.Serialize(stats, FanOutJsonContext.Default.ChannelStats), context.RequestAborted);
    }

    private readonly record struct ReceivedPost(string ConversationId, string IdempotencyKey, long AtTicks);
}
