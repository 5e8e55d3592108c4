using AuthorBot.Bot.Tests.Dialogs;
using AuthorBot.Dialogs.Intents;

namespace AuthorBot.Bot.Tests.Flows;

public class PreferencesDialogTests
{
    [Fact]
    public async Task Reader_sets_time_zone_quiet_hours_frequency_and_topics_in_one_visit()
    {
        var harness = new ReaderBotHarness();

        await harness.Flow()
            .Send("my preferences")
            .AssertReply(reply =>
            {
                Assert.Contains("- Time zone: not set (I use Maren Holloway's, Europe/London)", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Announcements: on, at most 3 a week", reply.Text, StringComparison.Ordinal);
            })
            .Send("time zone")
            .AssertReply(reply => Assert.StartsWith("Which time zone are you in?", reply.Text, StringComparison.Ordinal))
            .Send("Atlantis")
            .AssertReply(reply => Assert.StartsWith("I couldn't find that time zone.", reply.Text, StringComparison.Ordinal))
            .Send("I'm in Paris")
            .AssertReply("Your time zone is now Europe/Paris.")
            .AssertReply("Anything else to change?")
            .Send("quiet hours")
            .AssertReply(_ => { })
            .Send("10pm to 7am")
            .AssertReply("Quiet hours set: no messages from 22:00 to 07:00, your time.")
            .AssertReply(_ => { })
            .Send("how often")
            .AssertReply(_ => { })
            .Send("once a week")
            .AssertReply("Got it: at most once a week.")
            .AssertReply(_ => { })
            .Send("topics")
            .AssertReply(reply => Assert.Contains("fantasy", reply.Text, StringComparison.Ordinal))
            .Send("Fantasy, mysteries and signings")
            .AssertReply("Your topics: fantasy, mysteries, signings.")
            .AssertReply(_ => { })
            .Send("that's all")
            .AssertReply("All set. Say \"preferences\" any time to change them.")
            .StartTestAsync();

        var profile = await harness.StoredProfileAsync();
        Assert.NotNull(profile);
        Assert.Equal("Europe/Paris", profile.TimeZone);
        Assert.Equal((22, 7), (profile.Preferences.QuietHoursStart, profile.Preferences.QuietHoursEnd));
        Assert.Equal(1, profile.Preferences.MaxAnnouncementsPerWeek);
        Assert.Equal(["fantasy", "mysteries", "signings"], profile.Interests);
        Assert.False(profile.Preferences.AnnouncementsOptOut);
    }

    [Fact]
    public async Task Stop_in_the_middle_of_a_flow_unsubscribes_from_announcements_and_preferences_can_resume_them()
    {
        var harness = new ReaderBotHarness();

        await harness.Flow()
            .Send("settings")
            .AssertReply(_ => { })
            .Send("quiet hours")
            .AssertReply(_ => { })
            .Send("STOP")
            .AssertReply(reply => Assert.StartsWith("Okay, I'll stop: no more announcements from me.", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.True((await harness.StoredProfileAsync())!.Preferences.AnnouncementsOptOut);

        await harness.Flow()
            .Send("preferences")
            .AssertReply(reply => Assert.Contains("Announcements: off (you said stop)", reply.Text, StringComparison.Ordinal))
            .Send("resume announcements")
            .AssertReply("Announcements are back on, at most 3 a week.")
            .AssertReply(_ => { })
            .Send("done")
            .AssertReply(_ => { })
            .StartTestAsync();

        Assert.False((await harness.StoredProfileAsync())!.Preferences.AnnouncementsOptOut);
    }

    [Fact]
    public async Task Stop_outside_any_flow_works_too()
    {
        var harness = new ReaderBotHarness();

        await harness.Flow()
            .Send("stop")
            .AssertReply(reply => Assert.StartsWith("Okay, I'll stop", reply.Text, StringComparison.Ordinal))
            .Send("stop announcements")
            .AssertReply(reply => Assert.StartsWith("Announcements are already off", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.True((await harness.StoredProfileAsync())!.Preferences.AnnouncementsOptOut);
    }

    [Theory]
    [InlineData("stop", true)]
    [InlineData("Stop!", true)]
    [InlineData("please stop", true)]
    [InlineData("stop all notifications", true)]
    [InlineData("stop messaging me", true)]
    [InlineData("the bus stop", false)]
    [InlineData("stop by the shop", false)]
    public async Task Stop_means_no_more_announcements_only_when_it_says_so(string text, bool stops)
    {
        var understood = await new ReaderBotHarness().Services.GetRequiredService<ReaderUnderstanding>().UnderstandAsync(text);

        Assert.Equal(stops, understood.IsConfident && understood.Intent == ReaderIntents.StopAnnouncements);
    }

    [Fact]
    public async Task Nonsense_answers_are_reprompted_and_three_leave_settings_unchanged()
    {
        var harness = new ReaderBotHarness();

        await harness.Flow()
            .Send("preferences")
            .AssertReply(_ => { })
            .Send("quiet hours")
            .AssertReply(_ => { })
            .Send("whenever you like")
            .AssertReply(reply => Assert.StartsWith("Please give whole hours", reply.Text, StringComparison.Ordinal))
            .Send("25 to 99")
            .AssertReply(reply => Assert.StartsWith("Please give whole hours", reply.Text, StringComparison.Ordinal))
            .Send("purple")
            .AssertReply("I've left that as it was.")
            .AssertReply("Anything else to change?")
            .StartTestAsync();

        var profile = await harness.StoredProfileAsync();
        Assert.Null(profile?.Preferences.QuietHoursStart);
    }
}
