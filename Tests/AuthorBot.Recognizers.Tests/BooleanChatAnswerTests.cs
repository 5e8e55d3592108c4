using AuthorBot.Recognizers.Choice;

namespace AuthorBot.Recognizers.Tests;

/// <summary>The chat answers the English boolean data reads beyond the Recognizers-Text spec.</summary>
public sealed class BooleanChatAnswerTests
{
    [Theory]
    [InlineData("YES!", true)]
    [InlineData("sure thing", true)]
    [InlineData("go ahead", true)]
    [InlineData("yes, no problem", true)]
    [InlineData("no problem", true)]
    [InlineData("I do", true)]
    [InlineData("sounds good", true)]
    [InlineData("why not?", true)]
    [InlineData("k", true)]
    [InlineData("\u2705", true)]
    [InlineData("\U0001F44D\U0001F3FD", true)]
    [InlineData("\U0001F44C", true)]
    [InlineData("nah", false)]
    [InlineData("no thank you", false)]
    [InlineData("not now", false)]
    [InlineData("not right now", false)]
    [InlineData("not yet, thanks", false)]
    [InlineData("I do not", false)]
    [InlineData("don't", false)]
    [InlineData("I don\u2019t", false)]
    [InlineData("please don't!", false)]
    [InlineData("I don't think so", false)]
    [InlineData("not interested", false)]
    [InlineData("\U0001F44E\U0001F3FF", false)]
    [InlineData("\u274C", false)]
    public void Reads_chat_answers(string text, bool expected)
    {
        var result = Assert.Single(ChoiceRecognizer.RecognizeBoolean(text));
        Assert.Equal(expected, result.Resolution["value"]);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("I'm not sure")]
    [InlineData("not sure, sorry")]
    [InlineData("no idea")]
    [InlineData("I don't know")]
    [InlineData("perhaps later")]
    [InlineData("don't ask me")]
    [InlineData("I will think about it")]
    public void Uncertain_or_unrelated_replies_are_neither(string text) =>
        Assert.Empty(ChoiceRecognizer.RecognizeBoolean(text));

    [Fact]
    public void A_clear_answer_outscores_a_short_hedge()
    {
        var result = Assert.Single(ChoiceRecognizer.RecognizeBoolean("maybe... no, definitely not now"));
        Assert.Equal(false, result.Resolution["value"]);
        Assert.Equal("not now", result.Text);
    }

    [Fact]
    public void Whole_reply_phrases_do_not_fire_inside_a_sentence() =>
        Assert.Empty(ChoiceRecognizer.RecognizeBoolean("I do like the cover"));
}
