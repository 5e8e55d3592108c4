using AuthorBot.BotFramework.Dialogs.Prompts;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class EmailPromptTests
{
    private const string Question = "What's your email?";
    private const string NeedsAt = "That doesn't look like an email address (it needs an '@', like jo@example.org). " + Question;
    private const string Incomplete = "That doesn't look like an email address (it needs a name before the '@' and a domain after it, like jo@example.org). " + Question;

    [Theory]
    [InlineData("jo@example.org", "jo@example.org")]
    [InlineData("my email is jo@example.org", "jo@example.org")]
    [InlineData("It's Anna.Lee+books@Example.co.uk.", "Anna.Lee+books@Example.co.uk")]
    [InlineData("  sam_o@mail.example.com  thanks!", "sam_o@mail.example.com")]
    [InlineData("work: a@b.io, home: c@d.io", "a@b.io")]
    public async Task The_address_is_taken_out_of_the_reply(string answer, string expected)
    {
        var harness = new DialogHarness(PromptFlows.Asking(new EmailPrompt("email"), Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(answer).AssertReply("text: " + expected)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("banana", NeedsAt)]
    [InlineData("jo at example dot org", NeedsAt)]
    [InlineData("", NeedsAt)]
    [InlineData("jo@example", Incomplete)]
    [InlineData("@example.org", Incomplete)]
    [InlineData("jo@@example.org", Incomplete)]
    [InlineData("jo@localhost", Incomplete)]
    public async Task Nonsense_gets_a_retry_that_says_what_an_address_needs(string answer, string retry)
    {
        var harness = new DialogHarness(PromptFlows.Asking(new EmailPrompt("email"), Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(answer).AssertReply(retry)
            .Send("jo@example.org").AssertReply("text: jo@example.org")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_hint_follows_the_latest_answer_and_attempts_are_capped()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new EmailPrompt("email") { MaxAttempts = 3 }, Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send("jo@example").AssertReply(Incomplete)
            .Send("no idea").AssertReply(NeedsAt)
            .Send("still no").AssertReply("gave up after 3")
            .StartTestAsync();

        Assert.IsType<NoAnswer>(harness.Results[^1].Result);
    }

    [Fact]
    public async Task A_validator_can_refuse_a_recognized_address()
    {
        var prompt = new EmailPrompt("email", (context, ct) => Task.FromResult(context.Recognized.Value?.EndsWith(".org", StringComparison.OrdinalIgnoreCase) == true));
        var harness = new DialogHarness(PromptFlows.Asking(prompt, Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send("jo@example.com").AssertReply("Sorry, I can't use that email address; please give another one. " + Question)
            .Send("jo@example.org").AssertReply("text: jo@example.org")
            .StartTestAsync();
    }

    private static PromptOptions Options() => new() { Prompt = WaterfallDialogTests.Message(Question) };
}
