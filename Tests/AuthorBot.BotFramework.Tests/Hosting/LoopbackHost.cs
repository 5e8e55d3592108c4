using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AuthorBot.BotFramework.Tests.Hosting;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, for tests.</summary>
internal sealed class LoopbackHost : IAsyncDisposable
{
    private LoopbackHost(WebApplication app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    public WebApplication App { get; }

    /// <summary>http://127.0.0.1:PORT (no trailing slash).</summary>
    public string BaseUrl { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<LoopbackHost> StartAsync(
        Action<WebApplicationBuilder> configure,
        Action<WebApplication> map,
        IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var url = app.Urls.First().TrimEnd('/');
        return new LoopbackHost(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
