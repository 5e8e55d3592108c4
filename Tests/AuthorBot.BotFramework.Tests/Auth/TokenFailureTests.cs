using System.Diagnostics;
using System.Net;
using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.Connector;
using Microsoft.Extensions.Logging;

namespace AuthorBot.BotFramework.Tests.Auth;

public sealed class TokenFailureTests : IAsyncLifetime
{
    private OutboundTestContext _context = null!;

    public async Task InitializeAsync() => _context = await OutboundTestContext.StartAsync();

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_wrong_secret_fails_sends_with_AADSTS7000215_logged_once_and_is_not_retried()
    {
        var client = _context.ClientFrom(_context.Services(("MicrosoftAppPassword", "not-the-secret")));

        var errors = new List<ConnectorException>();
        for (var i = 0; i < 3; i++)
        {
            errors.Add(await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("a:1", OutboundTestContext.Message("hi"), default)));
        }

        Assert.All(errors, e =>
        {
            Assert.Equal("AADSTS7000215", e.ErrorCode);
            Assert.Null(e.StatusCode);
            Assert.Contains("was not sent", e.Message, StringComparison.Ordinal);
            Assert.Contains("MicrosoftAppPassword is wrong or expired", e.Message, StringComparison.Ordinal);
        });
        // Not transient, so no retry; the two sends after it fail without asking Azure AD again.
        Assert.Single(_context.Endpoint.TokenRequests);
        Assert.Empty(_context.Channel.Requests);
        var logged = Assert.Single(_context.Log.AtLeast(LogLevel.Warning));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains("AADSTS7000215", logged.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppPassword is wrong or expired", logged.Message, StringComparison.Ordinal);
        Assert.Contains(OutboundTestContext.AppId, logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Trace ID", logged.Message, StringComparison.Ordinal);
        Assert.Null(logged.Exception);
    }

    [Fact]
    public async Task An_unknown_app_id_names_the_setting_to_check()
    {
        var client = _context.ClientFrom(_context.Services(("MicrosoftAppId", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("a:1", OutboundTestContext.Message("hi"), default));

        Assert.Equal("AADSTS700016", error.ErrorCode);
        Assert.Contains("MicrosoftAppId not found in the tenant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_is_retried_after_its_retry_after_and_the_send_succeeds()
    {
        _context.Endpoint.FailNext(HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 1);
        var client = _context.ClientWith(_context.Provider());

        var clock = Stopwatch.StartNew();
        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("hi"), default);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before the 1 s Retry-After");
        Assert.Equal(2, _context.Endpoint.TokenRequests.Count());
        Assert.Equal("Bearer token-1", Assert.Single(_context.Channel.Requests).Authorization);
        Assert.Contains(_context.Log.Lines, l => l.Level == LogLevel.Information && l.Message.Contains("retry 1", StringComparison.Ordinal));
        Assert.Empty(_context.Log.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task A_network_failure_and_a_429_are_retried()
    {
        _context.Endpoint.BreakNext();
        _context.Endpoint.FailNext(HttpStatusCode.TooManyRequests);
        var client = _context.ClientWith(_context.Provider());

        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("hi"), default);

        Assert.Equal(3, _context.Endpoint.TokenRequests.Count());
        Assert.Equal("Bearer token-1", Assert.Single(_context.Channel.Requests).Authorization);
    }

    [Fact]
    public async Task An_outage_fails_after_the_retries_with_one_error_line_and_recovers_after_the_cooldown()
    {
        for (var i = 0; i < 3; i++)
        {
            _context.Endpoint.FailNext(HttpStatusCode.ServiceUnavailable);
        }

        var time = new ManualTime();
        var provider = new MsalCredentialProvider(
            MsalTokenSources.Create(new BotFrameworkAuthenticationOptions { MicrosoftAppId = OutboundTestContext.AppId, MicrosoftAppPassword = OutboundTestContext.Secret }, _context.MsalHttp),
            time,
            new LoggerFactory([_context.Log]).CreateLogger<MsalCredentialProvider>(),
            new OutboundTokenRetry { MaxRetries = 2, BaseDelay = TimeSpan.Zero });
        using var disposeProvider = provider;
        var client = _context.ClientWith(provider);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("a:1", OutboundTestContext.Message("hi"), default));
        await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("a:1", OutboundTestContext.Message("hi"), default));
        time.Advance(MsalCredentialProvider.FailureCooldown);
        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("hi"), default);

        Assert.Equal("AADSTS50196", error.ErrorCode);
        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _context.Endpoint.TokenRequests.Count());
        Assert.Single(_context.Log.AtLeast(LogLevel.Error));
        Assert.Contains(_context.Log.Lines, l => l.Level == LogLevel.Information && l.Message.Contains("work again", StringComparison.Ordinal));
        Assert.Equal("Bearer token-1", Assert.Single(_context.Channel.Requests).Authorization);
    }

    /// <summary>A clock the test moves; token validity still follows MSAL's own clock.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private TimeSpan _offset;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

        public void Advance(TimeSpan by) => _offset += by;
    }
}
