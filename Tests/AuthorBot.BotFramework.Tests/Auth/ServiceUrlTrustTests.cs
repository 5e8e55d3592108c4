using System.Collections.Concurrent;
using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.Tests.Connector;
using Microsoft.Extensions.Options;

namespace AuthorBot.BotFramework.Tests.Auth;

public sealed class ServiceUrlTrustTests
{
    [Fact]
    public async Task With_an_app_id_the_connector_refuses_a_service_url_no_authenticated_request_brought()
    {
        await using var channel = await FakeChannel.StartAsync();
        var trust = new ServiceUrlTrust(enforced: true);
        var client = Factory(trust).Create(channel.ServiceUrl);

        var error = await Assert.ThrowsAsync<ServiceUrlNotTrustedException>(
            () => client.SendToConversationAsync("conv-1", new Activity(ActivityTypes.Message) { Text = "your data export" }, CancellationToken.None));

        Assert.Contains("never arrived in an authenticated request", error.Message, StringComparison.Ordinal);
        Assert.Empty(channel.Requests);

        await trust.TrustAsync(channel.ServiceUrl, CancellationToken.None);
        await client.SendToConversationAsync("conv-1", new Activity(ActivityTypes.Message) { Text = "hello" }, CancellationToken.None);
        Assert.Single(channel.Requests);
    }

    [Fact]
    public async Task In_anonymous_mode_a_loopback_service_url_is_allowed()
    {
        await using var channel = await FakeChannel.StartAsync();
        var client = Factory(new ServiceUrlTrust(enforced: false)).Create(channel.ServiceUrl);

        await client.SendToConversationAsync("conv-1", new Activity(ActivityTypes.Message) { Text = "hello" }, CancellationToken.None);

        Assert.Single(channel.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", false)]
    [InlineData("http://169.254.169.254/", false)]
    [InlineData("http://localhost:3979/", true)]
    [InlineData("http://127.0.0.1:1/", true)]
    [InlineData("http://[::1]:3979/", true)]
    [InlineData("https://gateway.internal.example/bot/", true)]
    public async Task In_anonymous_mode_only_loopback_and_allow_listed_service_urls_are_trusted(string serviceUrl, bool trusted)
    {
        var trust = new ServiceUrlTrust(enforced: false, allowList: new ServiceUrlAllowList(["https://gateway.internal.example/bot"]));

        Assert.Equal(trusted, await trust.IsTrustedAsync(serviceUrl, CancellationToken.None));
    }

    [Fact]
    public async Task Trust_recorded_by_an_earlier_run_is_read_back_from_the_store()
    {
        var store = new MemoryTrustStore();
        await new ServiceUrlTrust(true, store).TrustAsync("https://smba.trafficmanager.net/amer", CancellationToken.None);

        var afterRestart = new ServiceUrlTrust(true, store);

        Assert.True(await afterRestart.IsTrustedAsync("https://SMBA.trafficmanager.net/amer/", CancellationToken.None));
        Assert.False(await afterRestart.IsTrustedAsync("https://smba.trafficmanager.net/emea/", CancellationToken.None));
        Assert.False(await afterRestart.IsTrustedAsync("not a url", CancellationToken.None));
        Assert.Equal(["https://smba.trafficmanager.net/amer/"], store.Urls.Keys);
    }

    [Fact]
    public async Task Anonymous_mode_records_nothing()
    {
        var store = new MemoryTrustStore();
        await new ServiceUrlTrust(false, store).TrustAsync("https://smba.trafficmanager.net/amer/", CancellationToken.None);

        Assert.Empty(store.Urls);
    }

    private static ConnectorClientFactory Factory(ServiceUrlTrust trust) => new(
        new SingleClientFactory(),
        new AnonymousCredentialProvider(),
        Options.Create(new ConnectorClientOptions { MaxRetries = 0, PerConversationBurst = 0 }),
        TimeProvider.System,
        trust);

    private sealed class SingleClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    private sealed class MemoryTrustStore : IServiceUrlTrustStore
    {
        public ConcurrentDictionary<string, byte> Urls { get; } = new();

        public Task AddAsync(string serviceUrl, CancellationToken cancellationToken)
        {
            Urls.TryAdd(serviceUrl, 0);
            return Task.CompletedTask;
        }

        public Task<bool> ContainsAsync(string serviceUrl, CancellationToken cancellationToken) =>
            Task.FromResult(Urls.Keys.Any(u => string.Equals(u, serviceUrl, StringComparison.OrdinalIgnoreCase)));
    }
}
