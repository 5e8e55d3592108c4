using System.Threading.Channels;

namespace AuthorBot.Bot.Tests.Newsletter;

/// <summary>An HTTP endpoint on 127.0.0.1 that records the webhook calls it gets.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(IReadOnlyDictionary<string, string> Headers, string Body)> _calls = Channel.CreateUnbounded<(IReadOnlyDictionary<string, string>, string)>();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url => new(_app.Urls.Single() + "/hook");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            await receiver._calls.Writer.WriteAsync((headers, body));
            return Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    public async Task<(IReadOnlyDictionary<string, string> Headers, string Body)> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await _calls.Reader.ReadAsync(cancel.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
