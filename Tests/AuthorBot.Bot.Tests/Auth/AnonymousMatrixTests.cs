using AuthorBot.Bot.Tests.EndToEnd;

namespace AuthorBot.Bot.Tests.Auth;

/// <summary>
/// The real host without a MicrosoftAppId against the auth harness's 63-case token matrix, beside the official JS SDK
/// (peer-bot.js, started by run-matrix) in the same anonymous mode: both must accept every case, since anonymous
/// development mode checks no token.
/// </summary>
[Collection(AuthHarnessTests.Name)]
public sealed class AnonymousMatrixTests(AuthHarness harness)
{
    [Fact]
    public async Task Without_an_app_id_the_host_accepts_every_case_like_the_sdk()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();

        var result = await harness.RunMatrixAsync(host.BaseAddress, ["--profile", "anonymous", "--strict-status"], TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("63 cases: target agrees with the peer on 63, disagrees on 0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("peer agrees with expected on 63 of 63", result.Stdout, StringComparison.Ordinal);
    }
}
