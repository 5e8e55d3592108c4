using AuthorBot.Bot.Tests.EndToEnd;
using Microsoft.Identity.Client;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace AuthorBot.Bot.Tests.Auth;

/// <summary>
/// The real host with the harness's app id, trusting the harness's IdP for inbound tokens and getting its outbound
/// tokens from token-endpoint.js (MSAL's HTTP seam sends login.microsoftonline.com there): replies reach connector.js
/// authorized, on one token for the whole run; a wrong secret is one clear log line and no crash.
/// </summary>
[Collection(AuthHarnessTests.Name)]
public sealed class OutboundHarnessTests(AuthHarness harness) : IDisposable
{
    private readonly LoginRedirectMsalHttpClientFactory _msalHttp = new(harness.TokenEndpoint);
    private readonly HostLogCapture _log = new();

    public void Dispose() => _msalHttp.Dispose();

    [Fact]
    public async Task Five_turns_get_authorized_replies_on_one_token()
    {
        await using var host = await StartHostAsync(AuthHarness.AppPassword);

        var result = await harness.RunOutboundAsync(host.BaseAddress, ["--turns", "5"], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result + "\n--- host log\n" + _log);
        Assert.Contains("PASS", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("token endpoint: 1 request(s), 1 issued during the run", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Lines, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_wrong_secret_is_one_clear_log_line_and_the_host_keeps_serving()
    {
        await using var host = await StartHostAsync("not-the-bench-password");
        var rejectedBefore = WrongSecretRejections(await harness.TokenEndpointStatsAsync());

        var result = await harness.RunOutboundAsync(host.BaseAddress, ["--turns", "2", "--reply-timeout-ms", "1500"], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 1, "run-outbound must fail: no reply can be authorized\n" + result);
        Assert.Contains("0 authorized Connector call(s)", result.Stdout, StringComparison.Ordinal);
        var tokenLines = _log.Lines.Where(l => l.Level >= LogLevel.Error && l.Category.EndsWith("MsalCredentialProvider", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(tokenLines);
        Assert.Contains("AADSTS7000215", line.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppPassword is wrong or expired", line.Message, StringComparison.Ordinal);
        Assert.Contains(AuthHarness.AppId, line.Message, StringComparison.Ordinal);
        // Both turns and their apologies failed on one token request: the cool-down keeps a turn loop off Azure AD.
        Assert.Equal(1, WrongSecretRejections(await harness.TokenEndpointStatsAsync()) - rejectedBefore);
        using var health = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.True(health.IsSuccessStatusCode, "the host must keep serving after token failures");
    }

    private static int WrongSecretRejections(System.Text.Json.JsonElement stats) =>
        stats.GetProperty("rejectedBy").TryGetProperty("wrong-secret", out var count) ? count.GetInt32() : 0;

    private Task<RunningHost> StartHostAsync(string appPassword) => RunningHost.StartAsync(
        [
            "--Storage:Provider=Memory",
            "--MicrosoftAppId=" + AuthHarness.AppId,
            "--MicrosoftAppPassword=" + appPassword,
            "--ToBotFromChannelOpenIdMetadataUrl=" + harness.ChannelOpenIdMetadataUrl,
            "--ToBotFromEmulatorOpenIdMetadataUrl=" + harness.EmulatorOpenIdMetadataUrl,

            // With an app id only public addresses are called unless listed; the harness's Connector is on loopback.
            "--BotFramework:Connector:AllowedServiceUrls:0=" + harness.Connector,
        ],
        builder =>
        {
            builder.Logging.AddProvider(_log);
            builder.Services.AddSingleton<IMsalHttpClientFactory>(_msalHttp);
        });
}
