using AuthorBot.Bot.Tests.EndToEnd;

namespace AuthorBot.Bot.Tests.Auth;

/// <summary>
/// The real host without a MicrosoftAppId against the auth harness's 63-case token matrix, beside the official JS SDK
/// (peer-bot.js, started by run-matrix) in the same anonymous mode: both must accept every case, since anonymous
/// development mode checks no token. The two cases whose activity has no channelId are left out: with no token to
/// check, an activity without a channelId is malformed (no reader can be keyed by it) and gets a 400 before any turn,
/// where the SDK runs the turn (MalformedRequestTests covers that 400).
/// </summary>
[Collection(AuthHarnessTests.Name)]
public sealed class AnonymousMatrixTests(AuthHarness harness)
{
    [Fact]
    public async Task Without_an_app_id_the_host_accepts_every_case_like_the_sdk()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();

        var result = await harness.RunMatrixAsync(host.BaseAddress, ["--profile", "anonymous", "--strict-status", "--skip", "channel-valid-no-channelid,channel-key-not-endorsed-empty-channelid"], TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("61 cases: target agrees with the peer on 61, disagrees on 0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("peer agrees with expected on 61 of 61", result.Stdout, StringComparison.Ordinal);
    }
}
