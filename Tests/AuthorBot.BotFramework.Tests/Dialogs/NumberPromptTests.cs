using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Prompts;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class NumberPromptTests
{
    [Theory]
    [InlineData("3", "3")]
    [InlineData("twelve", "12")]
    [InlineData("I'd like 2 tickets", "2")]
    [InlineData("1,500", "1500")]
    public async Task Whole_numbers_are_read_from_digits_and_words(string answer, string expected)
    {
        var harness = new DialogHarness(Asking(new NumberPrompt<int>("guests")));

        await harness.Flow()
            .Send("rsvp").AssertReply("How many guests?")
            .Send(answer).AssertReply("number: " + expected)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("2.5")]
    [InlineData("99999999999999")]
    public async Task Non_numbers_fractions_and_overflow_are_retried_for_an_int(string answer)
    {
        var harness = new DialogHarness(Asking(new NumberPrompt<int>("guests")));

        await harness.Flow()
            .Send("rsvp").AssertReply("How many guests?")
            .Send(answer).AssertReply("Sorry, I need a whole number, like 2. How many guests?")
            .Send("2").AssertReply("number: 2")
            .StartTestAsync();
    }

    [Fact]
    public async Task Fractions_are_fine_for_a_double_and_a_validator_can_bound_the_range()
    {
        var prompt = new NumberPrompt<double>("rating", (context, ct) => Task.FromResult(context.Recognized.Succeeded && context.Recognized.Value is >= 1 and <= 5));
        var harness = new DialogHarness(Asking(prompt));

        await harness.Flow()
            .Send("rate").AssertReply("How many guests?")
            .Send("7").AssertReply("Sorry, I need a number, like 2 or 3.5. How many guests?")
            .Send("4.5").AssertReply("number: 4.5")
            .StartTestAsync();
    }

    [Fact]
    public void Only_numeric_types_are_supported()
    {
        Assert.Throws<NotSupportedException>(() => new NumberPrompt<DateTime>("when"));
    }

    private static ComponentDialog Asking<T>(NumberPrompt<T> prompt)
        where T : struct
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("ask", [
            (step, ct) => step.PromptAsync(prompt.Id, new PromptOptions { Prompt = WaterfallDialogTests.Message("How many guests?") }, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(FormattableString.Invariant($"number: {step.Result}"), cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]));
        root.AddDialog(prompt);
        return root;
    }
}
