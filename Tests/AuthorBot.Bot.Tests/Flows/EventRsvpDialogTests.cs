using AuthorBot.Bot.Tests.Dialogs;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Events;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Reminders;

namespace AuthorBot.Bot.Tests.Flows;

public class EventRsvpDialogTests
{
    [Fact]
    public async Task Reader_sees_upcoming_events_rsvps_and_gets_a_calendar_file_and_reminders()
    {
        var reminders = new RecordingReminderScheduler();
        var harness = new ReaderBotHarness(configure: s => s.AddSingleton<IReminderScheduler>(reminders));

        await harness.Flow()
            .Send("what events are coming up?")
            .AssertReply(reply =>
            {
                Assert.StartsWith("Here's what's coming up with Maren Holloway.", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Times are Maren Holloway's, London time (GMT), because I don't know your time zone", reply.Text, StringComparison.Ordinal);
                Assert.Equal(AttachmentLayoutTypes.Carousel, reply.AttachmentLayout);
                var cards = reply.Attachments!.Select(FlowTestHelpers.Hero).ToList();
                Assert.Equal(3, cards.Count);
                Assert.StartsWith("Webinar", cards[0].Title, StringComparison.Ordinal); // soonest first
                Assert.Equal("300 seats left.", cards[0].Text);
                Assert.Contains("Thursday, January 14, 2027 at 6:00 PM London time (GMT)", cards[0].Subtitle, StringComparison.Ordinal);
            })
            .AssertReply(reply => Assert.Equal("Which event would you like?", reply.Text))
            .Send("the webinar please")
            .AssertReply(reply => Assert.Equal("Webinar: building a city that moves has 300 seats left. What would you like to do?", reply.Text))
            .Send("count me in")
            .AssertReply(reply =>
            {
                Assert.StartsWith("You're in! Your seat for Webinar: building a city that moves, Thursday, January 14, 2027 at 6:00 PM London time (GMT), is booked.", reply.Text, StringComparison.Ordinal);
                var ics = Assert.Single(reply.Attachments!);
                Assert.Equal("text/calendar", ics.ContentType);
                Assert.Contains("DTSTART:20270114T180000Z\r\n", FlowTestHelpers.DataUrlText(ics), StringComparison.Ordinal);
            })
            .StartTestAsync();

        var attendance = harness.Services.GetRequiredService<IEventAttendance>();
        Assert.Equal([new ReaderKey("test", "user1")], await attendance.GetAttendeesAsync("worldbuilding-webinar", default));
        Assert.Equal(2, reminders.Pending.Count);
    }

    [Fact]
    public async Task Second_reader_joins_the_waiting_list_and_is_promoted_when_the_first_cancels()
    {
        var storage = new MemoryStorage();
        var reminders = new RecordingReminderScheduler();
        var content = TestContent.WithEvents(TestContent.Signing(capacity: 1));
        void Configure(IServiceCollection s)
        {
            s.AddSingleton<IReminderScheduler>(reminders);
            s.AddSingleton(content);
        }

        var ann = new ReaderBotHarness(storage, user: "ann", conversationId: "c-ann", configure: Configure);
        var ben = new ReaderBotHarness(storage, user: "ben", conversationId: "c-ben", configure: Configure);

        await ann.Flow()
            .Send("events").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("small signing").AssertReply(reply => Assert.Contains("has 1 seat left", reply.Text, StringComparison.Ordinal))
            .Send("RSVP").AssertReply(reply => Assert.StartsWith("You're in!", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
        await ben.Flow()
            .Send("events")
            .AssertReply(reply => Assert.Equal("Full: waiting list open.", FlowTestHelpers.Hero(reply.Attachments![0]).Text))
            .AssertReply(_ => { })
            .Send("the small signing").AssertReply(reply => Assert.StartsWith("Small signing is full, but you can join the waiting list", reply.Text, StringComparison.Ordinal))
            .Send("rsvp").AssertReply("Small signing is full, so you're number 1 on the waiting list. If a seat opens up, it's yours and I'll message you.")
            .StartTestAsync();
        await ann.Flow()
            .Send("rsvp").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("small signing").AssertReply(reply => Assert.StartsWith("You have a seat", reply.Text, StringComparison.Ordinal))
            .Send("I can't come").AssertReply("Done: your seat for Small signing is cancelled, and so are its reminders.")
            .StartTestAsync();

        var attendance = ann.Services.GetRequiredService<IEventAttendance>();
        Assert.Equal([new ReaderKey("test", "ben")], await attendance.GetAttendeesAsync("small-signing", default));
        Assert.True(reminders.Pending.ContainsKey(ReminderIds.SeatOpened("small-signing", new ReaderKey("test", "ben"))));
        Assert.DoesNotContain(reminders.Pending.Keys, id => id.EndsWith(":test:ann", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nonsense_is_reprompted_and_a_calendar_file_can_be_had_without_rsvping()
    {
        var harness = new ReaderBotHarness(configure: s => s.AddSingleton<IReminderScheduler>(new RecordingReminderScheduler()));

        await harness.Flow()
            .Send("events").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("zzz qqq")
            .AssertReply(reply => Assert.Equal("Please pick one of the events, or \"Done\".", reply.Text))
            .Send("signing")
            .AssertReply(reply => Assert.StartsWith("Signing at Lantern Books, Edinburgh has 40 seats left", reply.Text, StringComparison.Ordinal))
            .Send("blah")
            .AssertReply(reply => Assert.StartsWith("Please choose \"RSVP\"", reply.Text, StringComparison.Ordinal))
            .Send("add to calendar")
            .AssertReply(reply =>
            {
                Assert.Equal("Here's Signing at Lantern Books, Edinburgh for your calendar.", reply.Text);
                Assert.Contains("UID:edinburgh-signing@authorbot", FlowTestHelpers.DataUrlText(Assert.Single(reply.Attachments!)), StringComparison.Ordinal);
            })
            .StartTestAsync();

        var attendance = harness.Services.GetRequiredService<IEventAttendance>();
        Assert.Empty(await attendance.GetAttendeesAsync("edinburgh-signing", default));
    }

    [Fact]
    public async Task Events_listing_uses_the_readers_time_zone()
    {
        var harness = new ReaderBotHarness(configure: s => s.AddSingleton(TestContent.WithEvents(TestContent.Signing(capacity: 3))));
        await harness.SetProfileAsync(p => p.TimeZone = "America/New_York");

        await harness.Flow()
            .Send("events")
            .AssertReply(reply =>
            {
                Assert.DoesNotContain("UTC", reply.Text, StringComparison.Ordinal);
                Assert.StartsWith("Saturday, March 20, 2027 at 10:00 AM New York time (EDT)", FlowTestHelpers.Hero(reply.Attachments![0]).Subtitle, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }
}
