using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Newsletter;

namespace AuthorBot.Bot.Tests.Dialogs;

public class KeywordIntentRecognizerTests
{
    [Theory]
    [InlineData("subscribe to the newsletter", ReaderIntent.None)]
    [InlineData("please unsubscribe me", ReaderIntent.Unsubscribe)]
    [InlineData("Unsubscribe from the newsletter", ReaderIntent.Unsubscribe)]
    [InlineData("help", ReaderIntent.Help)]
    [InlineData("What can you do?", ReaderIntent.Help)]
    [InlineData("cancel", ReaderIntent.Cancel)]
    [InlineData("never mind", ReaderIntent.Cancel)]
    [InlineData("Start over", ReaderIntent.StartOver)]
    [InlineData("menu", ReaderIntent.Menu)]
    [InlineData("hello there", ReaderIntent.Greeting)]
    [InlineData("Helen Cancelliere", ReaderIntent.None)]
    [InlineData("I need help choosing a book about cancel culture", ReaderIntent.None)]
    [InlineData("", ReaderIntent.None)]
    public void Recognizes_keywords_and_only_whole_message_interruptions(string text, ReaderIntent expected) =>
        Assert.Equal(expected, KeywordIntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("subscribe to the newsletter", true)]
    [InlineData("Sign me up!", true)]
    [InlineData("please unsubscribe me", false)]
    [InlineData("I read a book about signs", false)]
    public void Newsletter_flow_matches_its_own_keywords(string text, bool expected)
    {
        var flow = new ReaderBotHarness().Services.GetRequiredService<NewsletterFlow>();
        Assert.Equal(expected, flow.Matches(KeywordIntentRecognizer.Normalize(text)));
    }

    [Theory]
    [InlineData("jo@example.org", "jo@example.org")]
    [InlineData("my email is Jo.Smith+books@Example.Co.UK.", "Jo.Smith+books@example.co.uk")]
    public void Finds_an_email_in_a_sentence(string text, string expected)
    {
        Assert.True(EmailAddressParser.TryParse(text, out var email, out _));
        Assert.Equal(expected, email);
    }

    [Theory]
    [InlineData("Jo", "Jo")]
    [InlineData("my name is jo smith", "Jo Smith")]
    [InlineData("I'm McKenzie", "McKenzie")]
    public void Reads_a_name_from_a_natural_answer(string text, string expected)
    {
        Assert.True(ReaderNameParser.TryParse(text, out var name));
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("jo@example.org")]
    [InlineData("12345")]
    public void Rejects_answers_that_are_not_names(string text) =>
        Assert.False(ReaderNameParser.TryParse(text, out _));
}
