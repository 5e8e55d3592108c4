using System.Collections.Concurrent;
using System.Text.Json;

namespace AuthorBot.Bot.Tests.Announcements;

/// <summary>
/// An Emulator-like channel for announcement tests: a Kestrel server on 127.0.0.1 implementing the Connector's
/// v3/conversations activity routes. It records every post (raw, so duplicates on the wire are visible), keeps one
/// delivery per idempotency key (as a de-duplicating client would show it), and can answer with injected failures
/// such as 429 with Retry-After, 5xx, 403 or 404.
/// </summary>
internal sealed class AnnouncementChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextId;
    private int _posts;

    private AnnouncementChannel(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Deliveries by idempotency key (the first post of each key).</summary>
    public ConcurrentDictionary<string, ReceivedMessage> Deliveries { get; } = new(StringComparer.Ordinal);

    /// <summary>Every accepted post, including repeats of a key.</summary>
    public ConcurrentQueue<ReceivedMessage> Posts { get; } = new();

    /// <summary>Posts answered with an injected failure.</summary>
    public ConcurrentQueue<(string ConversationId, int Status)> Rejected { get; } = new();

    /// <summary>Decides a failure for a post (conversation id, how many posts this conversation made before); null accepts it.</summary>
    public Func<string, int, Failure?>? Inject { get; set; }

    public int PostCount => Volatile.Read(ref _posts);

    private ConcurrentDictionary<string, int> Attempts { get; } = new(StringComparer.Ordinal);

    public static async Task<AnnouncementChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new AnnouncementChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", channel.HandleAsync);
        await app.StartAsync();
        channel.ServiceUrl = app.Urls.Single() + "/";
        return channel;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; false on timeout.</summary>
    public static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(25);
        }

        return true;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var conversationId = (string)context.Request.RouteValues["conversationId"]!;
        var before = Attempts.AddOrUpdate(conversationId, 1, (_, n) => n + 1) - 1;
        if (Inject?.Invoke(conversationId, before) is { } failure)
        {
            Rejected.Enqueue((conversationId, failure.Status));
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsJsonAsync(new { error = new { code = "Injected", message = "injected failure" } });
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        var key = root.TryGetProperty("channelData", out var data) && data.TryGetProperty("authorBot", out var bot) && bot.TryGetProperty("idempotencyKey", out var k)
            ? k.GetString() ?? string.Empty
            : string.Empty;
        var text = root.TryGetProperty("text", out var t) ? t.GetString() : null;
        var attachments = root.TryGetProperty("attachments", out var a) ? a.GetRawText() : null;
        var message = new ReceivedMessage(conversationId, key, text, attachments, DateTime.UtcNow);
        Interlocked.Increment(ref _posts);
        Posts.Enqueue(message);
        Deliveries.TryAdd(key, message);
        var id = "msg-" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"id\":\"" + id + "\"}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A message the bot posted.</summary>
    internal sealed record ReceivedMessage(string ConversationId, string IdempotencyKey, string? Text, string? AttachmentsJson, DateTime At);

    /// <summary>An injected failure.</summary>
    internal sealed record Failure(int Status, int? RetryAfterSeconds = null);
}
