using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.HostileBench;
using Xunit.Abstractions;

namespace AuthorBot.Bot.Tests.Reliability;

/// <summary>
/// A small seeded run of the hostile-request fuzz (bench/AuthorBot.HostileBench runs 10,000 and more) against the
/// running host: no answer in 500-599 except the documented 501 to an unhandled invoke, no dropped connection, and a
/// new reader can still sign up afterwards.
/// </summary>
public sealed class HostileFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fifteen_hundred_seeded_hostile_requests_get_no_5xx_and_no_dropped_connection_and_a_signup_still_completes()
    {
        using var folder = new TempFolder();
        await using var sink = await ConnectorSink.StartAsync();
        await using var host = await RunningHost.StartAsync(
        [
            $"--Storage:Sqlite:Path={Path.Combine(folder.Path, "state.db")}",
            $"--Proactive:DatabasePath={Path.Combine(folder.Path, "proactive.db")}",
            $"--DirectLine:DataDirectory={folder.Path}",
            $"--DirectLine:Secret={BotChild.Secret}",
            $"--Announcements:ApiKey={BotChild.ApiKey}",
            "--DirectLine:RateLimitPerSecond=5000",
            "--DirectLine:RateLimitBurst=5000",
            "--Logging:LogLevel:Default=None",
        ]);
        var state = new FuzzState(BotChild.Secret, BotChild.ApiKey, sink.ServiceUrl);

        var report = await new FuzzRunner(host.BaseAddress, state).RunAsync(seed: 7, first: 0, count: 1500, concurrency: 4, CancellationToken.None);

        output.WriteLine(report.Describe());
        Assert.True(report.ServerErrors.Count == 0, string.Join('\n', report.ServerErrors));
        Assert.True(report.Dropped.Count == 0, string.Join('\n', report.Dropped));
        Assert.Equal(1500, report.Requests);
        Assert.Null(await SignupCheck.RunAsync(host.BaseAddress, CancellationToken.None));
    }
}
