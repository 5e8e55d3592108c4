using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Teams.Tests;

/// <summary>
/// The real AuthorBot host judged by Microsoft 365 Agents Playground: scenarios/authorbot.json played in a personal
/// chat, a group chat and a team channel, through the playground's own API (MODE=api).
/// </summary>
[Collection(PlaygroundRuns.Name)]
public sealed class TeamsScenarioTests(PlaygroundHarness harness)
{
    private static readonly ReaderKey _alex = new("msteams", "29:1harness-user-0");

    // The card's heading is "{position} · {title}".
    private static string Title(string cardJson)
    {
        var heading = System.Text.RegularExpressions.Regex.Match(cardJson, "\"text\":\"\\d+ · ([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(heading.Success, cardJson);
        return System.Text.RegularExpressions.Regex.Unescape(heading.Groups[1].Value);
    }

    [Theory]
    [InlineData("personal", "a:1harness-personal-chat")]
    [InlineData("group", "19:harness-group-chat@thread.v2")]
    [InlineData("channel", "19:harness-team-general@thread.tacv2")]
    public async Task The_reader_scenario_passes_in_the_playground(string conversation, string conversationId)
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path);

        var run = await harness.PlayAsync("scenarios/authorbot.json", host.Endpoint, conversation, Path.Combine(data.Path, "out"));

        Assert.True(run.ExitCode == 0, $"run-teams exited {run.ExitCode} in {conversation}:\n{run.Output}");
        Assert.True(run.Passed >= 60, $"only {run.Passed} steps passed:\n{run.Output}");

        // Sounds good and Not for me, pressed on Adaptive Cards, changed the lists that followed.
        var wire = WireLog.Read(run.OutDir);
        var (likedAt, liked) = wire.Submission("like");
        var (rejectedAt, rejected) = wire.Submission("not-interested");
        var likedTitle = Title(wire.BookCardsAfter(0).First(c => c.BookId == liked).Text);
        var afterLike = wire.BookCardsAfter(likedAt);
        var afterReject = wire.BookCardsAfter(rejectedAt);
        Assert.Equal(10, afterLike.Count);
        Assert.Contains(afterLike.Take(5), c => c.Text.Contains("Because you liked " + likedTitle, StringComparison.Ordinal));
        Assert.Equal(5, afterReject.Count);
        Assert.DoesNotContain(afterReject, c => c.BookId == rejected || c.BookId == liked);

        // The scenario ends by uninstalling the app there: no reference to that conversation (or its threads) is left.
        var stored = await host.Services.GetRequiredService<ConversationReferenceStore>().ExportAsync(_alex, CancellationToken.None);
        var conversations = stored?["conversations"]?.AsArray().Select(c => (string?)c!["conversationId"]).ToList() ?? [];
        Assert.DoesNotContain(conversations, id => id!.StartsWith(conversationId, StringComparison.Ordinal));
        if (conversation != "personal")
        {
            Assert.Contains("a:1harness-personal-chat", conversations);
        }
    }

    [Fact]
    public async Task Another_tenant_is_refused_politely_in_the_playground_and_nothing_about_it_is_stored()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path, "--Teams:AllowedTenants:0=11111111-1111-4111-8111-111111111111");

        var run = await harness.PlayAsync("scenarios/authorbot-tenant.json", host.Endpoint, "personal", Path.Combine(data.Path, "out"));

        Assert.True(run.ExitCode == 0, $"run-teams exited {run.ExitCode}:\n{run.Output}");
        await TenantTests.AssertNothingStoredAsync(host);
    }
}
