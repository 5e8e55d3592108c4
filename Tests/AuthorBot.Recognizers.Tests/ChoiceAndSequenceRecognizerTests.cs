using AuthorBot.Recognizers.Choice;
using AuthorBot.Recognizers.Sequence;

namespace AuthorBot.Recognizers.Tests;

public sealed class ChoiceAndSequenceRecognizerTests
{
    [Theory]
    [InlineData("yes please", true)]
    [InlineData("Nope.", false)]
    [InlineData("sure, why not", true)]
    [InlineData("that is not ok", false)]
    [InlineData("👍", true)]
    public void Boolean_reads_common_answers(string text, bool expected)
    {
        var result = Assert.Single(ChoiceRecognizer.RecognizeBoolean(text));
        Assert.Equal(expected, result.Resolution["value"]);
    }

    [Fact]
    public void Boolean_returns_nothing_without_an_answer() =>
        Assert.Empty(ChoiceRecognizer.RecognizeBoolean("tell me about your next book"));

    [Fact]
    public void Boolean_prefers_the_longer_phrase()
    {
        var result = Assert.Single(ChoiceRecognizer.RecognizeBoolean("ok... actually not ok"));
        Assert.Equal("not ok", result.Text);
        Assert.Equal(false, result.Resolution["value"]);
    }

    [Fact]
    public void Email_is_found_inside_a_sentence_without_the_final_period()
    {
        var result = Assert.Single(SequenceRecognizer.RecognizeEmail("Write to Anna.Lee+books@example.co.uk."));
        Assert.Equal("Anna.Lee+books@example.co.uk", result.Text);
    }

    [Theory]
    [InlineData("a..b@example.com")]
    [InlineData("anna@example")]
    [InlineData("anna@@example.com")]
    public void Malformed_emails_are_rejected(string text) => Assert.Empty(SequenceRecognizer.RecognizeEmail(text));

    [Fact]
    public void Url_with_and_without_scheme_but_not_an_email_host()
    {
        var texts = SequenceRecognizer.RecognizeURL("see https://example.com/books?id=3 or www.example.org, not anna@example.com")
            .Select(r => r.Text).ToList();
        Assert.Equal(["https://example.com/books?id=3", "www.example.org"], texts);
    }

    [Fact]
    public void Phone_number_has_a_string_score()
    {
        var result = Assert.Single(SequenceRecognizer.RecognizePhoneNumber("call me at +1 541-754-3010 tonight"));
        Assert.Equal("+1 541-754-3010", result.Text);
        Assert.Equal("1", result.Resolution["score"]);
    }

    [Theory]
    [InlineData("my SSN is 911-67-0060")]
    [InlineData("card 5111 1111 1111 1111")]
    [InlineData("on 16/04/2010")]
    public void Numbers_that_are_not_phone_numbers_are_left_alone(string text) =>
        Assert.Empty(SequenceRecognizer.RecognizePhoneNumber(text));
}
