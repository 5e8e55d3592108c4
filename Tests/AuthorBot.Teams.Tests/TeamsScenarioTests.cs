namespace AuthorBot.Teams.Tests;

/// <summary>
/// The real AuthorBot host judged by Microsoft 365 Agents Playground: scenarios/authorbot.json played in a personal
/// chat, a group chat and a team channel, through the playground's own API (MODE=api).
/// </summary>
[Collection(PlaygroundRuns.Name)]
public sealed class TeamsScenarioTests(PlaygroundHarness harness)
{
    [Theory]
    [InlineData("personal")]
    [InlineData("group")]
    [InlineData("channel")]
    public async Task The_reader_scenario_passes_in_the_playground(string conversation)
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path);

        var run = await harness.PlayAsync("scenarios/authorbot.json", host.Endpoint, conversation, Path.Combine(data.Path, "out"));

        Assert.True(run.ExitCode == 0, $"run-teams exited {run.ExitCode} in {conversation}:\n{run.Output}");
        Assert.True(run.Passed >= 4, $"only {run.Passed} steps passed:\n{run.Output}");
    }
}
