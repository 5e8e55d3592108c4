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
}
