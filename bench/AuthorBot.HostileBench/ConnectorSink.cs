using System.Globalization;

namespace AuthorBot.HostileBench;

/// <summary>A loopback Connector service that accepts and counts whatever the bot sends, so fuzzed turns have somewhere to answer.</summary>
public sealed class ConnectorSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _posts;

    private ConnectorSink(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public int Posts => Volatile.Read(ref _posts);

    public static async Task<ConnectorSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ConnectorSink(app);
        app.Map("/v3/{**rest}", async context =>
        {
            var n = Interlocked.Increment(ref sink._posts);
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"sink-" + n.ToString(CultureInfo.InvariantCulture) + "\"}", context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync().ConfigureAwait(false);
        sink.ServiceUrl = app.Urls.Single() + "/";
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
