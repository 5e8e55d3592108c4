using AuthorBot.BotFramework.Dialogs.Prompts;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class TextPromptTests
{
    [Fact]
    public async Task Validator_messages_replace_the_retry_and_valid_text_ends_the_prompt()
    {
        var prompt = new TextPrompt("email", async (context, ct) =>
        {
            if (context.Recognized.Value?.Contains('@', StringComparison.Ordinal) == true)
            {
                return true;
            }

            await context.Context.SendActivityAsync($"That doesn't look like an email (attempt {context.AttemptCount}).", cancellationToken: ct);
            return false;
        });
        var harness = new DialogHarness(PromptFlows.Asking(prompt, new PromptOptions { Prompt = WaterfallDialogTests.Message("Your email?") }));

        await harness.Flow()
            .Send("start").AssertReply("Your email?")
            .Send("not an email").AssertReply("That doesn't look like an email (attempt 1).")
            .Send("  ada@example.com ").AssertReply("text: ada@example.com")
            .StartTestAsync();
    }

    [Fact]
    public async Task Whitespace_is_not_an_answer()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new TextPrompt("text"), new PromptOptions { Prompt = WaterfallDialogTests.Message("Your name?") }));

        await harness.Flow()
            .Send("start").AssertReply("Your name?")
            .Send("   ").AssertReply("Sorry, I need a text answer. Your name?")
            .StartTestAsync();
    }
}
