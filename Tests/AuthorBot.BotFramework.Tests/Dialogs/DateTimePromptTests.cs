using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class DateTimePromptTests
{
    // Monday 23 November 2026, 10:00 on the user's clock.
    private static readonly DateTimeOffset _monday = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("tomorrow", "2026-11-24")]
    [InlineData("next friday at 7pm", "2026-12-04 19:00:00")]
    [InlineData("friday at 7pm", "2026-11-27 19:00:00")]
    [InlineData("December 3rd", "2026-12-03")]
    public async Task Dates_are_resolved_against_the_users_local_time(string answer, string expectedValue)
    {
        var harness = new DialogHarness(Asking(new DateTimePrompt("when")));

        await harness.Flow()
            .Send(At("rsvp")).AssertReply("When works for you?")
            .Send(At(answer)).AssertReply(reply => Assert.Contains(expectedValue, reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task Text_without_a_date_gets_a_retry_with_an_example()
    {
        var harness = new DialogHarness(Asking(new DateTimePrompt("when")));

        await harness.Flow()
            .Send(At("rsvp")).AssertReply("When works for you?")
            .Send(At("whenever you like")).AssertReply("Sorry, I need a date or time, like \"next Friday at 7pm\". When works for you?")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_activitys_time_zone_places_a_utc_timestamp_on_the_readers_clock()
    {
        // 23:30 UTC on Monday is already 08:30 on Tuesday in Tokyo, so "tomorrow" is Wednesday.
        var harness = new DialogHarness(PromptFlows.Asking(new DateTimePrompt("when"), Options()));

        await harness.Flow()
            .Send(Utc("rsvp", "Asia/Tokyo")).AssertReply("When works for you?")
            .Send(Utc("tomorrow", "Asia/Tokyo")).AssertReply("when: 2026-11-25=2026-11-25")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_per_call_time_zone_wins_over_the_activity()
    {
        var options = Options();
        var harness = new DialogHarness(PromptFlows.Asking(new DateTimePrompt("when"), new DateTimePromptOptions { Prompt = options.Prompt, TimeZone = "Pacific/Auckland" }));

        // The activity says New York, where it is still Monday 18:30; the reader chose Auckland, where it is Tuesday 12:30.
        await harness.Flow()
            .Send(Utc("rsvp", "America/New_York")).AssertReply("When works for you?")
            .Send(Utc("today at 6pm", "America/New_York")).AssertReply("when: 2026-11-24T18=2026-11-24 18:00:00")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unknown_channel_time_zone_falls_back_to_the_local_timestamp()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new DateTimePrompt("when"), Options()));
        var answer = At("tomorrow");
        answer.LocalTimezone = "Mars/Olympus_Mons";

        await harness.Flow()
            .Send(At("rsvp")).AssertReply("When works for you?")
            .Send(answer).AssertReply("when: 2026-11-24=2026-11-24")
            .StartTestAsync();
    }

    [Fact]
    public async Task Every_resolution_comes_back_with_its_timex()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new DateTimePrompt("when"), Options()));

        // A bare weekday has a past and a future reading; a range has a start and an end.
        await harness.Flow()
            .Send(At("rsvp")).AssertReply("When works for you?")
            .Send(At("friday")).AssertReply("when: XXXX-WXX-5=2026-11-20 / XXXX-WXX-5=2026-11-27")
            .StartTestAsync();
    }

    [Fact]
    public void Without_any_time_on_the_activity_the_time_provider_is_the_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 2, 27, 22, 0, 0, TimeSpan.Zero));
        var prompt = new DateTimePrompt("when") { TimeProvider = clock };
        var bare = Activity.CreateMessageActivity();

        Assert.Equal(new DateTime(2026, 2, 27, 22, 0, 0), prompt.ReaderNow(bare, timeZoneOption: null));
        Assert.Equal(new DateTime(2026, 2, 28, 7, 0, 0), prompt.ReaderNow(bare, "Asia/Tokyo"));
    }

    [Fact]
    public async Task Nonsense_is_retried_until_the_attempts_run_out()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new DateTimePrompt("when") { MaxAttempts = 2 }, Options()));

        await harness.Flow()
            .Send(At("rsvp")).AssertReply("When works for you?")
            .Send(At("purple")).AssertReply("Sorry, I need a date or time, like \"next Friday at 7pm\". When works for you?")
            .Send(At("")).AssertReply("gave up after 2")
            .StartTestAsync();

        Assert.IsType<NoAnswer>(harness.Results[^1].Result);
    }

    [Fact]
    public async Task An_unknown_per_call_time_zone_is_a_clear_error()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new DateTimePrompt("when"), new DateTimePromptOptions { TimeZone = "Nowhere/Special" }));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Flow().Send("rsvp").StartTestAsync());
        Assert.Contains("Nowhere/Special", error.Message, StringComparison.Ordinal);
    }

    private static PromptOptions Options() => new() { Prompt = WaterfallDialogTests.Message("When works for you?") };

    // Monday 23 November 2026, 23:30 UTC, with the channel's IANA zone.
    private static Activity Utc(string text, string timeZone)
    {
        var activity = Activity.CreateMessageActivity();
        activity.Text = text;
        activity.Timestamp = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero);

        // Some channels stamp the server's offset; the named zone is the better guide.
        activity.LocalTimestamp = activity.Timestamp;
        activity.LocalTimezone = timeZone;
        return activity;
    }

    private static Activity At(string text)
    {
        var activity = Activity.CreateMessageActivity();
        activity.Text = text;
        activity.LocalTimestamp = _monday;
        return activity;
    }

    private static ComponentDialog Asking(DateTimePrompt prompt)
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("ask", [
            (step, ct) => step.PromptAsync(prompt.Id, new PromptOptions { Prompt = WaterfallDialogTests.Message("When works for you?") }, ct),
            async (step, ct) =>
            {
                var resolutions = (IList<DateTimeResolution>)step.Result!;
                await step.Context.SendActivityAsync(string.Join(" / ", resolutions.Select(r => r.Value ?? $"{r.Start}..{r.End}")), cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(prompt);
        return root;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
