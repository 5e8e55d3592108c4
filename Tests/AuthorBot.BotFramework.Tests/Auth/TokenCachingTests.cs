using System.Diagnostics;
using AuthorBot.BotFramework.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Tests.Auth;

public sealed class TokenCachingTests : IAsyncLifetime
{
    private OutboundTestContext _context = null!;

    public async Task InitializeAsync() => _context = await OutboundTestContext.StartAsync();

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task One_token_request_serves_every_send_sequential_and_concurrent()
    {
        var client = _context.ClientFrom(_context.Services());

        // The first wave is concurrent, so the sends that find no token yet must share one request.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.SendToConversationAsync("a:" + i, OutboundTestContext.Message("hi"), default)));
        for (var i = 0; i < 30; i++)
        {
            await client.SendToConversationAsync("b:1", OutboundTestContext.Message("hi " + i), default);
        }

        Assert.Single(_context.Endpoint.TokenRequests);
        Assert.Equal(50, _context.Channel.Requests.Count);
        Assert.All(_context.Channel.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
    }

    [Fact]
    public async Task With_a_valid_token_a_send_awaits_nothing()
    {
        var provider = _context.Services().GetRequiredService<IOutboundCredentialProvider>();
        using var first = new HttpRequestMessage(HttpMethod.Post, _context.Channel.ServiceUrl + "v3/conversations/a/activities");
        await provider.ApplyAsync(first, default);

        using var second = new HttpRequestMessage(HttpMethod.Post, _context.Channel.ServiceUrl + "v3/conversations/b/activities");
        var apply = provider.ApplyAsync(second, default);

        Assert.True(apply.IsCompletedSuccessfully, "a cached token must be applied synchronously");
        Assert.Equal("Bearer token-1", second.Headers.Authorization?.ToString());
    }

    [Fact]
    public async Task A_token_near_its_expiry_is_requested_again()
    {
        // MSAL and the provider stop using a token 5 minutes before it expires: 303 s leaves 3 s of use.
        _context.Endpoint.ExpiresInSeconds = 303;
        var client = _context.ClientFrom(_context.Services());

        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("one"), default);
        var sinceToken = Stopwatch.StartNew();
        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("two"), default);
        var secondSendAfter = sinceToken.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3.2) - sinceToken.Elapsed);
        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("three"), default);
        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("four"), default);

        Assert.True(secondSendAfter < TimeSpan.FromSeconds(2.5), $"the second send came {secondSendAfter} after the token, too late to test the cache");
        Assert.Equal(2, _context.Endpoint.TokenRequests.Count());
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2", "Bearer token-2"], _context.Channel.Requests.Select(r => r.Authorization));
    }
}
