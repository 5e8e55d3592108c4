using AuthorBot.Bot.Proactive;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Reminders;

namespace AuthorBot.Teams.Tests;

/// <summary>
/// Proactive messages to a Teams reader known only from a team: the bot creates the personal chat (tenant id, the
/// reader's id) through the playground's Connector and sends there; the new chat is kept for next time.
/// </summary>
[Collection(PlaygroundRuns.Name)]
public sealed class TeamsProactiveTests(PlaygroundHarness harness)
{
    private static readonly ReaderKey _isaiah = new("msteams", "29:1harness-user-3");

    [Fact]
    public async Task A_reminder_for_a_reader_met_in_a_channel_arrives_in_a_new_personal_chat()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path);
        var references = host.Services.GetRequiredService<ConversationReferenceStore>();
        var outDir = Path.Combine(data.Path, "out");

        var play = harness.PlayAsync("scenarios/authorbot-proactive.json", host.Endpoint, "channel", outDir);
        var scheduled = await ScheduleWhenKnownAsync(host, references, play);
        var run = await play;

        Assert.True(scheduled, $"Isaiah's channel reference was never stored:\n{run.Output}");
        Assert.True(run.ExitCode == 0, $"run-teams exited {run.ExitCode}:\n{run.Output}");
        var personal = await references.FindAsync(_isaiah, CancellationToken.None);
        Assert.NotNull(personal);
        Assert.EndsWith("@test.user", personal.ConversationId, StringComparison.Ordinal);
        Assert.Equal(ConversationTypes.Personal, personal.Reference.Conversation!.ConversationType);
        Assert.Equal("00000000-0000-4000-8000-000000000001", personal.Reference.Conversation.TenantId);
        Assert.Equal("sent", await host.Services.GetRequiredService<ReminderStore>().StateOfAsync("teams-test:isaiah", CancellationToken.None));
    }

    // Waits (bounded) for the scenario to make Isaiah known in the channel, then schedules his reminder for now.
    private static async Task<bool> ScheduleWhenKnownAsync(TeamsBotHost host, ConversationReferenceStore references, Task<PlaygroundRun> play)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!timeout.IsCancellationRequested && !play.IsCompleted)
        {
            if (await references.FindAsync(_isaiah, CancellationToken.None) is { } target && ConversationTypes.IsGroup(target.Reference.Conversation))
            {
                var reminders = host.Services.GetRequiredService<IReminderScheduler>();
                await reminders.ScheduleAsync(new ReminderRequest("teams-test:isaiah", _isaiah, DateTimeOffset.UtcNow, "Reminder for Isaiah: the signing starts tomorrow."), CancellationToken.None);
                return true;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return false;
    }
}
