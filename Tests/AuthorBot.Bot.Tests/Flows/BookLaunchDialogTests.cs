using AuthorBot.Bot.Tests.Dialogs;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Reminders;

namespace AuthorBot.Bot.Tests.Flows;

public class BookLaunchDialogTests
{
    private static readonly DateTimeOffset _launchAt = new(2027, 3, 2, 14, 0, 0, TimeSpan.Zero); // 09:00 in New York

    [Fact]
    public async Task Reader_without_a_time_zone_sees_the_authors_zone_named_with_pre_order_buttons_and_gets_a_launch_day_reminder()
    {
        var reminders = new RecordingReminderScheduler();
        var harness = new ReaderBotHarness(configure: s => s.AddSingleton<IReminderScheduler>(reminders));

        await harness.Flow()
            .Send("when is the new book out?")
            .AssertReply(reply =>
            {
                // The author lives in Edinburgh (author.timeZone is Europe/London): 14:00 UTC is 14:00 GMT in March; the test
                // reader writes en-US, so the date comes month first on a 12-hour clock.
                Assert.Contains("The Glass Cartographer, comes out Tuesday, March 2, 2027 at 2:00 PM London time (GMT).", reply.Text, StringComparison.Ordinal);
                Assert.Contains("That's Maren Holloway's time because I don't know your time zone yet", reply.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("UTC", reply.Text, StringComparison.Ordinal);
                var card = FlowTestHelpers.Hero(Assert.Single(reply.Attachments!));
                Assert.Equal("The Glass Cartographer", card.Title);
                Assert.All(card.Buttons!, b => Assert.Equal(ActionTypes.OpenUrl, b.Type));
                Assert.Contains(card.Buttons!, b => b.Title == "Pre-order: Bookshop.org" && b.Value!.Value.GetString() == "https://bookshop.example.org/p/the-glass-cartographer");
                Assert.Contains(card.Buttons!, b => b.Title == "Read a sample chapter");
            })
            .AssertReply(reply => Assert.Equal("Would you like me to remind you on launch day?", reply.Text))
            .Send("yes please")
            .AssertReply("Done: I'll message you when The Glass Cartographer comes out, Tuesday, March 2, 2027 at 2:00 PM London time (GMT).")
            .StartTestAsync();

        var reminder = Assert.Single(reminders.Pending.Values);
        Assert.Equal(_launchAt, reminder.DueAt);
        Assert.Equal(new("test", "user1"), reminder.Reader);
        Assert.StartsWith("It's launch day! The Glass Cartographer", reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_date_is_shown_in_the_readers_own_time_zone()
    {
        var harness = new ReaderBotHarness(configure: s => s.AddSingleton<IReminderScheduler>(new RecordingReminderScheduler()));
        await harness.SetProfileAsync(p => p.TimeZone = "Australia/Sydney");

        await harness.Flow()
            .Send("pre-order")
            .AssertReply(reply =>
            {
                // 14:00 UTC is 01:00 the next day in Sydney (UTC+11 in March).
                Assert.Contains("comes out Wednesday, March 3, 2027 at 1:00 AM Sydney time (AEDT).", reply.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("UTC", reply.Text, StringComparison.Ordinal);
            })
            .AssertReply(_ => { })
            .StartTestAsync();
    }

    [Fact]
    public async Task Nonsense_is_reprompted_and_no_thanks_schedules_nothing()
    {
        var reminders = new RecordingReminderScheduler();
        var harness = new ReaderBotHarness(configure: s => s.AddSingleton<IReminderScheduler>(reminders));

        await harness.Flow()
            .Send("new book")
            .AssertReply(_ => { })
            .AssertReply(_ => { })
            .Send("purple elephant")
            .AssertReply(reply => Assert.Equal("Please choose \"Remind me on launch day\" or \"No thanks\".", reply.Text))
            .Send("no")
            .AssertReply(reply => Assert.StartsWith("No problem.", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Empty(reminders.Pending);
    }

    [Fact]
    public async Task Without_a_reminder_scheduler_the_reader_is_told_instead_of_a_false_promise()
    {
        var harness = new ReaderBotHarness();

        await harness.Flow()
            .Send("new book")
            .AssertReply(_ => { })
            .AssertReply(_ => { })
            .Send("remind me on launch day")
            .AssertReply(reply => Assert.StartsWith("Sorry, I can't send reminders from here yet.", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }
}
