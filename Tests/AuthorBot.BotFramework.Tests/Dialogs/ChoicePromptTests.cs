using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class ChoicePromptTests
{
    private const string Question = "What are you interested in? (1) Newsletter, (2) Book launch, or (3) Events";

    [Theory]
    [InlineData("Newsletter", "picked Newsletter (0)")]
    [InlineData("updates", "picked Newsletter (0)")]
    [InlineData("the second one", "picked Book launch (1)")]
    [InlineData("2", "picked Book launch (1)")]
    [InlineData("3rd", "picked Events (2)")]
    [InlineData("last", "picked Events (2)")]
    [InlineData("newsleter", "picked Newsletter (0)")]
    [InlineData("I'd like the book launch please", "picked Book launch (1)")]
    [InlineData("rsvp", "picked Events (2)")]
    [InlineData("evnets", "picked Events (2)")]
    public async Task Answers_are_recognized_by_value_synonym_position_or_misspelling(string answer, string expected)
    {
        var harness = new DialogHarness(PromptFlows.Asking(new ChoicePrompt("choice"), Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(answer).AssertReply(expected)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("purple monkey dishwasher")]
    [InlineData("7")]
    [InlineData("the fifth one")]
    public async Task Nonsense_gets_a_retry_listing_the_options(string answer)
    {
        var harness = new DialogHarness(PromptFlows.Asking(new ChoicePrompt("choice"), Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(answer).AssertReply("Sorry, I didn't catch which one you meant. Please pick one of the options. " + Question)
            .Send("events").AssertReply("picked Events (2)")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_message_without_text_is_retried_not_an_error()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new ChoicePrompt("choice"), Options()));
        var cardSubmit = Activity.CreateMessageActivity();
        cardSubmit.Value = System.Text.Json.JsonSerializer.SerializeToElement(new { rating = 5 });

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(cardSubmit).AssertReply(reply => Assert.StartsWith("Sorry, I didn't catch", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_validator_can_reject_a_recognized_choice_with_its_own_message()
    {
        var prompt = new ChoicePrompt("choice", async (context, ct) =>
        {
            if (context.Recognized.Value?.Value == "Events")
            {
                await context.Context.SendActivityAsync("No events are scheduled yet; pick another.", cancellationToken: ct);
                return false;
            }

            return context.Recognized.Succeeded;
        });
        var harness = new DialogHarness(PromptFlows.Asking(prompt, Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send("events").AssertReply("No events are scheduled yet; pick another.")
            .Send("newsletter").AssertReply("picked Newsletter (0)")
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_gets_an_adaptive_card_whose_button_press_is_recognized_from_the_value()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new ChoicePrompt("choice"), Options()), channelId: Channels.Msteams);
        var press = Activity.CreateMessageActivity();
        press.Value = System.Text.Json.JsonDocument.Parse("""{"choice":"Book launch"}""").RootElement;

        await harness.Flow()
            .Send("start").AssertReply(reply =>
            {
                var attachment = Assert.Single(reply.Attachments!);
                Assert.Equal(AdaptiveCards.ContentType, attachment.ContentType);
                var buttons = attachment.Content!.Value.GetProperty("body")[1].GetProperty("actions").EnumerateArray().ToList();
                Assert.Equal(["Newsletter", "Book launch", "Events"], buttons.Select(b => b.GetProperty("title").GetString()));
                Assert.All(buttons, b => Assert.Equal("Action.Submit", b.GetProperty("type").GetString()));
                Assert.Equal(Question, reply.Summary);
            })
            .Send(press).AssertReply("picked Book launch (1)")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_answer_matching_two_choices_equally_is_asked_again()
    {
        var options = new PromptOptions
        {
            Prompt = WaterfallDialogTests.Message("Which?"),
            Choices = [new Choice("Book launch"), new Choice("Book club")],
        };
        var harness = new DialogHarness(PromptFlows.Asking(new ChoicePrompt("choice"), options));

        await harness.Flow()
            .Send("start").AssertReply("Which? (1) Book launch or (2) Book club")
            .Send("book").AssertReply("Sorry, I didn't catch which one you meant. Please pick one of the options. Which? (1) Book launch or (2) Book club")
            .Send("the club").AssertReply("picked Book club (1)")
            .StartTestAsync();
    }

    [Fact]
    public void A_prompt_needs_at_least_one_attempt()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChoicePrompt("choice") { MaxAttempts = 0 });
    }

    [Fact]
    public async Task Starting_without_choices_is_a_clear_error()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new ChoicePrompt("choice"), new PromptOptions { Prompt = WaterfallDialogTests.Message("Pick") }));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Flow().Send("start").StartTestAsync());
        Assert.Contains("choice", error.Message, StringComparison.Ordinal);
    }

    internal static PromptOptions Options() => new()
    {
        Prompt = WaterfallDialogTests.Message("What are you interested in?"),
        Choices =
        [
            new Choice("Newsletter") { Synonyms = ["news", "updates"] },
            new Choice("Book launch"),
            new Choice("Events") { Synonyms = ["rsvp", "meetups"] },
        ],
    };
}
