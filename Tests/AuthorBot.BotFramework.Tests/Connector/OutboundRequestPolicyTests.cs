using System.Diagnostics;
using System.Net;
using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.Tests.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Tests.Connector;

/// <summary>
/// One policy for every Connector call, through the production registrations of a bot with an app id: no redirects, no
/// non-public address (after DNS) unless the service URL is allow-listed, refusals permanent and logged once.
/// </summary>
public sealed class OutboundRequestPolicyTests : IAsyncLifetime
{
    private OutboundTestContext _context = null!;

    public async Task InitializeAsync() => _context = await OutboundTestContext.StartAsync();

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.5.4", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "shared address space")]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("0.0.0.0", "this network")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("fd00::1", "unique local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    public void Non_public_addresses_are_refused(string address, string reason)
    {
        Assert.Contains(reason, OutboundAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: false), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("52.113.194.132")]
    [InlineData("13.107.6.152")]
    [InlineData("2603:1030:20e:3::23c")]
    [InlineData("8.8.8.8")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.Null(OutboundAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: false));
    }

    [Fact]
    public void Loopback_is_allowed_only_in_anonymous_mode()
    {
        Assert.Null(OutboundAddressPolicy.Refusal(IPAddress.Loopback, allowLoopback: true));
        Assert.Null(OutboundAddressPolicy.Refusal(IPAddress.IPv6Loopback, allowLoopback: true));
        Assert.NotNull(OutboundAddressPolicy.Refusal(IPAddress.Parse("169.254.169.254"), allowLoopback: true));
    }

    [Theory]
    [InlineData("https://169.254.169.254/")]
    [InlineData("https://2852039166/")]
    [InlineData("https://0xA9FEA9FE/")]
    [InlineData("https://0251.0376.0251.0376/")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.0.0.1/")]
    [InlineData("https://10.0.0.1:8443/amer/")]
    [InlineData("https://[fd00::1]/")]
    [InlineData("https://[::ffff:169.254.169.254]/")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("https://METADATA.google.internal./")]
    public async Task A_trusted_service_url_at_a_non_public_address_is_refused_before_connecting_and_never_retried(string serviceUrl)
    {
        // https: the bot's token never goes over plain http beyond this machine (MsalCredentialProvider refuses first).
        await AssertRefusedAsync(serviceUrl);
    }

    private async Task AssertRefusedAsync(string serviceUrl)
    {
        var services = _context.Services(("BotFramework:Connector:MaxRetries", "3"));
        await services.GetRequiredService<ServiceUrlTrust>().TrustAsync(serviceUrl, CancellationToken.None);
        var client = services.GetRequiredService<IConnectorClientFactory>().Create(serviceUrl);
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<ServiceUrlRefusedException>(
            () => client.SendToConversationAsync("conv-1", OutboundTestContext.Message("your data export"), CancellationToken.None));

        // Refused at the connect step, not after a connection attempt timed out.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_loopback_sink_that_is_not_allow_listed_receives_nothing_from_a_bot_with_an_app_id()
    {
        await using var sink = await FakeChannel.StartAsync();
        var services = _context.Services();
        foreach (var url in new[] { sink.ServiceUrl, sink.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) })
        {
            await services.GetRequiredService<ServiceUrlTrust>().TrustAsync(url, CancellationToken.None);
            var client = services.GetRequiredService<IConnectorClientFactory>().Create(url);

            await Assert.ThrowsAsync<ServiceUrlRefusedException>(
                () => client.SendToConversationAsync("conv-1", OutboundTestContext.Message("hello"), CancellationToken.None));
        }

        Assert.Empty(sink.Requests);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    [InlineData(301)]
    public async Task A_redirect_from_the_channel_is_not_followed_and_the_post_is_not_sent_again(int status)
    {
        await using var sink = await FakeChannel.StartAsync();
        var client = _context.ClientFrom(_context.Services(("BotFramework:Connector:MaxRetries", "3")));
        _context.Channel.RedirectNext(status, sink.ServiceUrl + "v3/conversations/conv-1/activities");

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync("conv-1", OutboundTestContext.Message("hello"), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(_context.Channel.Requests);
        Assert.Empty(sink.Requests);
    }

    [Fact]
    public async Task A_redirect_to_the_metadata_address_is_not_followed()
    {
        var client = _context.ClientFrom(_context.Services());
        _context.Channel.RedirectNext(307, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync("conv-1", OutboundTestContext.Message("hello"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Single(_context.Channel.Requests);
    }

    [Fact]
    public async Task Each_refused_address_is_logged_once()
    {
        var services = _context.Services();
        const string url = "https://169.254.169.254/";
        await services.GetRequiredService<ServiceUrlTrust>().TrustAsync(url, CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            var client = services.GetRequiredService<IConnectorClientFactory>().Create(url);
            await Assert.ThrowsAsync<ServiceUrlRefusedException>(
                () => client.SendToConversationAsync("conv-" + i, OutboundTestContext.Message("hello"), CancellationToken.None));
        }

        Assert.Single(_context.Log.Lines, l => l.Message.Contains("Refused to call 169.254.169.254", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_allow_listed_service_url_is_called_even_on_loopback()
    {
        var client = _context.ClientFrom(_context.Services());

        await client.SendToConversationAsync("conv-1", OutboundTestContext.Message("hello"), CancellationToken.None);

        Assert.Single(_context.Channel.Requests);
    }
}
