using System.Collections.Concurrent;
using System.Threading.Channels;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Bot.Tests.EndToEnd;

/// <summary>
/// An Emulator-like channel: a small Kestrel server implementing the Connector's v3/conversations activity routes,
/// recording every activity the bot posts so tests can assert on normal (non-expectReplies) delivery, and letting a
/// reader talk to a running bot the way the Emulator does (the bot answers through this channel's routes).
/// </summary>
internal sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Activity> _received = Channel.CreateUnbounded<Activity>();
    private int _nextId;

    private FakeChannel(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<(string Path, Activity Activity)> Calls { get; } = new();

    /// <summary>When set, every post is recorded and answered 307 pointing here instead of being accepted.</summary>
    public string? RedirectTo { get; set; }

    public static async Task<FakeChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new FakeChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)channel.RecordAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)channel.RecordAsync);
        await app.StartAsync();
        channel.ServiceUrl = app.Urls.Single();
        return channel;
    }

    /// <summary>Waits for the next activity the bot sent.</summary>
    public async Task<Activity> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _received.Reader.ReadAsync(cts.Token);
    }

    /// <summary>
    /// The reader says <paramref name="text"/> (a typed message, or a pressed button's value) with this channel as the
    /// serviceUrl; returns what the bot answered. The bot posts its replies before it answers the POST, so they are all
    /// here when it returns.
    /// </summary>
    public async Task<List<Activity>> SayAsync(RunningHost host, string conversationId, string userId, string text)
    {
        ArgumentNullException.ThrowIfNull(host);
        var message = RunningHost.NewMessage(conversationId, userId, text, ServiceUrl);
        using var response = await host.PostActivityAsync(message);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered \"{text}\" with {(int)response.StatusCode}.");
        return [.. Calls.Select(c => c.Activity).Where(a => a.ReplyToId == message.Id)];
    }

    /// <summary>Waits for an activity the bot sent on its own (not a reply) that matches; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<Activity> WaitForProactiveAsync(Func<Activity, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Calls.Select(c => c.Activity).FirstOrDefault(a => a.ReplyToId is null && match(a)) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "The bot sent no matching message in time.");
            await Task.Delay(25);
        }
    }

    private async Task<IResult> RecordAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var activity = BotJson.DeserializeActivity(buffer.ToArray());
        if (activity is null)
        {
            return Results.BadRequest();
        }

        // The raw target shows exactly how the bot escaped the ids in the path.
        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        Calls.Enqueue((rawTarget, activity));
        if (RedirectTo is { } location)
        {
            context.Response.Headers.Location = location;
            return Results.StatusCode(StatusCodes.Status307TemporaryRedirect);
        }

        await _received.Writer.WriteAsync(activity, context.RequestAborted);
        return Results.Json(new Dictionary<string, string> { ["id"] = $"sent-{Interlocked.Increment(ref _nextId)}" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
