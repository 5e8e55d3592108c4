using AuthorBot.BotFramework.Connector;

namespace AuthorBot.BotFramework.Tests.Auth;

public sealed class BearerTokenTransportTests : IAsyncLifetime
{
    private OutboundTestContext _context = null!;

    public async Task InitializeAsync() => _context = await OutboundTestContext.StartAsync();

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    [InlineData("http://smba.example.test/amer/")]
    [InlineData("http://10.0.0.4:3978/")]
    [InlineData("http://[2001:db8::1]/")]
    public async Task No_token_goes_over_plain_http_to_another_host(string serviceUrl)
    {
        var provider = _context.Provider();
        using var request = new HttpRequestMessage(HttpMethod.Post, serviceUrl + "v3/conversations/a/activities");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => provider.ApplyAsync(request, default).AsTask());

        Assert.Equal("insecure_service_url", error.ErrorCode);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
        Assert.Null(request.Headers.Authorization);
        Assert.Empty(_context.Endpoint.TokenRequests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://127.0.0.1:9000/")]
    [InlineData("http://localhost:9000/")]
    [InlineData("http://[::1]:9000/")]
    public async Task Https_and_loopback_http_get_the_token(string serviceUrl)
    {
        var provider = _context.Provider();
        using var request = new HttpRequestMessage(HttpMethod.Post, serviceUrl + "v3/conversations/a/activities");

        await provider.ApplyAsync(request, default);

        Assert.Equal("Bearer token-1", request.Headers.Authorization?.ToString());
    }
}
