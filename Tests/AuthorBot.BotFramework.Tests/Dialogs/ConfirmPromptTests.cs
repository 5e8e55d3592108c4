using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class ConfirmPromptTests
{
    private const string Question = "Join the newsletter? (1) Yes or (2) No";

    [Theory]
    [InlineData("yes", "answer: yes")]
    [InlineData("Yeah!", "answer: yes")]
    [InlineData("sure", "answer: yes")]
    [InlineData("y", "answer: yes")]
    [InlineData("yes please", "answer: yes")]
    [InlineData("of course", "answer: yes")]
    [InlineData("1", "answer: yes")]
    [InlineData("no", "answer: no")]
    [InlineData("Nope", "answer: no")]
    [InlineData("n", "answer: no")]
    [InlineData("no thanks", "answer: no")]
    [InlineData("not now", "answer: no")]
    [InlineData("I don't", "answer: no")]
    [InlineData("2", "answer: no")]
    [InlineData("the first one", "answer: yes")]
    [InlineData("the second one", "answer: no")]
    [InlineData("go ahead", "answer: yes")]
    [InlineData("yes, no problem", "answer: yes")]
    [InlineData("\U0001F44D\U0001F3FD", "answer: yes")]
    [InlineData("not right now", "answer: no")]
    [InlineData("no thank you", "answer: no")]
    [InlineData("I do not", "answer: no")]
    [InlineData("\U0001F44E", "answer: no")]
    public async Task Natural_answers_are_understood(string answer, string expected)
    {
        var harness = new DialogHarness(PromptFlows.Asking(new ConfirmPrompt("confirm"), Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(answer).AssertReply(expected)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("yes no")]
    [InlineData("no idea")]
    [InlineData("I don't know")]
    [InlineData("ok... actually not ok")]
    [InlineData("3")]
    [InlineData("")]
    public async Task Nonsense_gets_a_retry_that_says_what_is_expected(string answer)
    {
        var harness = new DialogHarness(PromptFlows.Asking(new ConfirmPrompt("confirm"), Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(answer).AssertReply("Sorry, I need a yes or a no. " + Question)
            .Send("yes").AssertReply("answer: yes")
            .StartTestAsync();
    }

    [Fact]
    public async Task After_max_attempts_the_prompt_ends_with_no_answer()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new ConfirmPrompt("confirm") { MaxAttempts = 3 }, Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send("banana").AssertReply("Sorry, I need a yes or a no. " + Question)
            .Send("kiwi").AssertReply("Sorry, I need a yes or a no. " + Question)
            .Send("mango").AssertReply("gave up after 3")
            .StartTestAsync();

        Assert.IsType<NoAnswer>(harness.Results[^1].Result);
    }

    [Fact]
    public async Task A_custom_retry_prompt_replaces_the_built_in_wording()
    {
        var options = Options();
        options.RetryPrompt = WaterfallDialogTests.Message("Just yes or no, please.");
        var harness = new DialogHarness(PromptFlows.Asking(new ConfirmPrompt("confirm"), options));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send("what?").AssertReply("Just yes or no, please. (1) Yes or (2) No")
            .StartTestAsync();
    }

    [Fact]
    public async Task Yes_no_buttons_are_suggested_actions_in_web_chat()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new ConfirmPrompt("confirm"), Options()), channelId: "webchat");

        await harness.Flow()
            .Send("start").AssertReply(reply =>
            {
                Assert.Equal("Join the newsletter?", reply.Text);
                Assert.Equal(["Yes", "No"], reply.SuggestedActions!.Actions!.Select(a => a.Title));
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Count me in", "answer: yes")]
    [InlineData("Not this time", "answer: no")]
    [InlineData("sure", "answer: yes")]
    public async Task Renamed_buttons_are_understood_by_title_and_by_meaning(string answer, string expected)
    {
        var prompt = new ConfirmPrompt("confirm") { ConfirmChoices = (new Choice("Count me in"), new Choice("Not this time")) };
        var harness = new DialogHarness(PromptFlows.Asking(prompt, Options()));

        await harness.Flow()
            .Send("start").AssertReply("Join the newsletter? (1) Count me in or (2) Not this time")
            .Send(answer).AssertReply(expected)
            .StartTestAsync();
    }

    private static PromptOptions Options() => new() { Prompt = WaterfallDialogTests.Message("Join the newsletter?") };
}
