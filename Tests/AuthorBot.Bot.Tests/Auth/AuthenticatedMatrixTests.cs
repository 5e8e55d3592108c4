using AuthorBot.Bot.Tests.EndToEnd;

namespace AuthorBot.Bot.Tests.Auth;

/// <summary>
/// The real host with the harness's app id against the 63-case token matrix, beside the official JS SDK (peer-bot.js,
/// started by run-matrix) trusting the same local identity provider: every verdict agrees, key rotation included,
/// and every rejection is a 401 (the SDK answers 500 to several). Two cases differ on purpose and are allowed by the
/// harness as documented divergences: a token without exp, and an empty channelId slipping past the endorsements.
/// </summary>
[Collection(AuthHarnessTests.Name)]
public sealed class AuthenticatedMatrixTests(AuthHarness harness)
{
    [Fact]
    public async Task With_an_app_id_the_host_gives_the_sdks_verdict_on_every_case_and_never_a_5xx()
    {
        await using var host = await RunningHost.StartAsync(
        [
            "--Storage:Provider=Memory",
            "--MicrosoftAppId=" + AuthHarness.AppId,
            "--MicrosoftAppPassword=" + AuthHarness.AppPassword,
            "--ToBotFromChannelOpenIdMetadataUrl=" + harness.ChannelOpenIdMetadataUrl,
            "--ToBotFromEmulatorOpenIdMetadataUrl=" + harness.EmulatorOpenIdMetadataUrl,
            // The harness rotates keys and waits 2.7 s; production keeps IdentityModel's 5 min throttle.
            "--BotFramework:OpenIdMetadataMinimumRefreshInterval=00:00:01",
        ]);

        var result = await harness.RunMatrixAsync(host.BaseAddress, ["--strict-status", "--allow-documented"], TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("63 cases: target agrees with the peer on 63, disagrees on 0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("peer agrees with expected on 63 of 63", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("documented divergences (the case's divergenceOk; allowed by --allow-documented): channel-no-exp, channel-key-not-endorsed-empty-channelid", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("| error", result.Stdout, StringComparison.Ordinal);
    }
}
