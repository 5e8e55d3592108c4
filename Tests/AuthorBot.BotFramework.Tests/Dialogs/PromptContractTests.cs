using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;
using FsCheck;
using FsCheck.Xunit;

namespace AuthorBot.BotFramework.Tests.Dialogs;

/// <summary>What every prompt promises: a refused answer gets a retry saying what is expected, the attempts cap ends the
/// prompt with <see cref="NoAnswer"/>, and no reply at all makes it throw.</summary>
public sealed class PromptContractTests
{
    private const string Question = "Your answer?";

    public static TheoryData<string, string, string, string> Prompts => new()
    {
        // prompt kind, nonsense answer, words the retry must contain, a natural answer's outcome
        { "text", "   ", "text answer", "text: hello" },
        { "number", "lots", "whole number", "number: 3" },
        { "confirm", "banana", "yes or a no", "answer: yes" },
        { "choice", "purple", "pick one of the options", "picked Newsletter (0)" },
        { "datetime", "purple", "date or time", "when: " },
        { "email", "purple", "email address", "text: jo@example.org" },
        { "rating", "purple", "1 to 5 stars", "number: 4" },
        { "attachment", "purple", "a file or an image", "Sorry, I need a file or an image" },
    };

    [Theory]
    [MemberData(nameof(Prompts))]
    public async Task Nonsense_gets_a_retry_saying_what_is_expected_then_a_natural_answer_ends_the_prompt(string kind, string nonsense, string expected, string outcome)
    {
        var harness = new DialogHarness(PromptFlows.Asking(Create(kind), Options(kind)));

        await harness.Flow()
            .Send("start").AssertReply(reply => Assert.StartsWith(Question, reply.Text, StringComparison.Ordinal))
            .Send(nonsense).AssertReply(reply => Assert.Contains(expected, reply.Text, StringComparison.Ordinal))
            .Send(NaturalAnswer(kind)).AssertReply(reply => Assert.StartsWith(outcome, reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Prompts))]
    public async Task The_attempts_cap_ends_the_prompt_with_no_answer(string kind, string nonsense, string expected, string outcome)
    {
        _ = (expected, outcome);
        var harness = new DialogHarness(PromptFlows.Asking(Create(kind), Options(kind)));

        await harness.Flow()
            .Send("start").AssertReply(reply => Assert.StartsWith(Question, reply.Text, StringComparison.Ordinal))
            .Send(nonsense).AssertReply(reply => Assert.Contains(Question, reply.Text, StringComparison.Ordinal))
            .Send(nonsense).AssertReply(reply => Assert.Contains(Question, reply.Text, StringComparison.Ordinal))
            .Send(nonsense).AssertReply("gave up after 3")
            .StartTestAsync();

        Assert.Equal(new NoAnswer(kind, 3), harness.Results[^1].Result);
    }

    [Property(MaxTest = 40)]
    public async Task No_reply_makes_any_prompt_throw(NonNull<string> text)
    {
        foreach (var kind in new[] { "text", "number", "confirm", "choice", "datetime", "email", "rating", "attachment" })
        {
            var harness = new DialogHarness(PromptFlows.Asking(Create(kind), Options(kind)));

            await harness.Flow()
                .Send("start").AssertReply(reply => Assert.StartsWith(Question, reply.Text, StringComparison.Ordinal))
                .Send(text.Get).AssertReply(reply => Assert.False(string.IsNullOrEmpty(reply.Text)))
                .StartTestAsync();
        }
    }

    private static Dialog Create(string kind) => kind switch
    {
        "text" => new TextPrompt(kind),
        "number" => new NumberPrompt<int>(kind),
        "confirm" => new ConfirmPrompt(kind),
        "choice" => new ChoicePrompt(kind),
        "datetime" => new DateTimePrompt(kind),
        "email" => new EmailPrompt(kind),
        "rating" => new RatingPrompt(kind),
        "attachment" => new AttachmentPrompt(kind),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string NaturalAnswer(string kind) => kind switch
    {
        "text" => "hello",
        "number" => "three",
        "confirm" => "yeah",
        "choice" => "the first one",
        "datetime" => "tomorrow at noon",
        "email" => "it's jo@example.org",
        "rating" => "four out of five",

        // Text is never an attachment, so the attachment prompt asks again (AttachmentPromptTests sends a real upload).
        _ => "here you go",
    };

    private static PromptOptions Options(string kind) => new()
    {
        Prompt = WaterfallDialogTests.Message(Question),
        Choices = kind == "choice" ? [new Choice("Newsletter"), new Choice("Events")] : null,
    };
}
