using AuthorBot.Dialogs.Newsletter;

namespace AuthorBot.Bot.Tests.Dialogs;

public class ReaderTextParsersTests
{
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
