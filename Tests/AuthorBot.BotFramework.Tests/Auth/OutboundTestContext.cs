using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.Hosting;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.Tests.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using Polly;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace AuthorBot.BotFramework.Tests.Auth;

/// <summary>
/// A fake Connector on loopback, a fake Azure AD behind MSAL's HttpClientFactory seam, and the bot's outbound side
/// built either by the production registrations (AddBotFramework) or directly with fast retries.
/// </summary>
internal sealed class OutboundTestContext : IAsyncDisposable
{
    public const string AppId = "7c5c1c10-4a4e-4b8e-9d3c-5b2f0a9e1d42";
    public const string Secret = "right-secret";
    public const string MultiTenantTokenUrl = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    private readonly List<IDisposable> _disposables = [];
    private ServiceProvider? _services;

    private OutboundTestContext(FakeChannel channel, FakeTokenEndpoint endpoint)
    {
        Channel = channel;
        Endpoint = endpoint;
        var factory = new FakeMsalHttpClientFactory(endpoint);
        _disposables.Add(factory);
        MsalHttp = factory;
    }

    public FakeChannel Channel { get; }

    public FakeTokenEndpoint Endpoint { get; }

    public IMsalHttpClientFactory MsalHttp { get; }

    public LogCapture Log { get; } = new();

    public static async Task<OutboundTestContext> StartAsync(FakeTokenEndpoint? endpoint = null) =>
        new(await FakeChannel.StartAsync("/amer"), endpoint ?? new FakeTokenEndpoint());

    /// <summary>The production registrations with the given settings over a secret-based multi-tenant bot (null removes a setting).</summary>
    public ServiceProvider Services(params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["BotFramework:Connector:MaxRetries"] = "0",
            ["BotFramework:Connector:PerConversationBurst"] = "0",
            // The fake channel is on loopback, which a bot with an app id calls only when the operator lists it.
            ["BotFramework:Connector:AllowedServiceUrls:0"] = Channel.ServiceUrl,
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Log).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(MsalHttp);
        services.AddBotFramework(new ConfigurationBuilder().AddInMemoryCollection(values.Where(v => v.Value is not null)).Build());
        _services = services.BuildServiceProvider();
        return _services;
    }

    /// <summary>A client for the fake Connector, whose URL is trusted as if an authenticated request had brought it.</summary>
    public IConnectorClient ClientFrom(IServiceProvider services)
    {
        services.GetRequiredService<ServiceUrlTrust>().TrustAsync(Channel.ServiceUrl, CancellationToken.None).GetAwaiter().GetResult();
        return services.GetRequiredService<IConnectorClientFactory>().Create(Channel.ServiceUrl);
    }

    /// <summary>The credential provider built directly, with retries fast enough for a test.</summary>
    public MsalCredentialProvider Provider(BotFrameworkAuthenticationOptions? options = null, OutboundTokenRetry? retry = null)
    {
        options ??= new BotFrameworkAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = Secret };
        var provider = new MsalCredentialProvider(
            MsalTokenSources.Create(options, MsalHttp),
            TimeProvider.System,
            new LoggerFactory([Log]).CreateLogger<MsalCredentialProvider>(),
            retry ?? new OutboundTokenRetry { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(3) });
        _disposables.Add(provider);
        return provider;
    }

    public IConnectorClient ClientWith(IOutboundCredentialProvider credentials)
    {
        var http = new HttpClient();
        _disposables.Add(http);
        return new ConnectorClient(Channel.ServiceUrl, http, ResiliencePipeline<HttpResponseMessage>.Empty, credentials);
    }

    public static Activity Message(string text) => new(ActivityTypes.Message)
    {
        Text = text,
        From = new ChannelAccount("28:" + AppId, "Bot"),
        Recipient = new ChannelAccount("29:user", "Reader"),
    };

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        Endpoint.Dispose();
        await Channel.DisposeAsync();
    }
}
