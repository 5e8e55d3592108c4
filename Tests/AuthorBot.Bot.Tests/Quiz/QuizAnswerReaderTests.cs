using AuthorBot.Dialogs.Quiz;

namespace AuthorBot.Bot.Tests.Quiz;

public sealed class QuizAnswerReaderTests
{
    private static readonly string[] _choices = ["The Salt Orchard", "A Map of Quiet Rivers", "The Glass Cartographer", "1962"];

    [Theory]
    [InlineData("B", 1)]
    [InlineData("b)", 1)]
    [InlineData("(c)", 2)]
    [InlineData("answer d", 3)]
    [InlineData("a", 0)]
    [InlineData("C) The Glass Cartographer", 2)]
    [InlineData("the second one", 1)]
    [InlineData("the last one", 3)]
    [InlineData("3", 2)]
    [InlineData("glass cartographer", 2)]
    [InlineData("the salt orchad", 0)]
    [InlineData("quiet rivers", 1)]
    [InlineData("1962", 3)]
    public void Reads_letters_positions_and_the_answers_words(string typed, int expected) =>
        Assert.Equal(expected, QuizAnswerReader.Read(typed, _choices));

    [Theory]
    [InlineData("purple monkey dishwasher")]
    [InlineData("e")]
    [InlineData("cancel")]
    [InlineData("menu")]
    [InlineData("")]
    [InlineData("I was wondering whether you could tell me when the next signing is, maybe the orchard one")]
    public void Names_no_answer_for_nonsense_commands_or_a_choice_mentioned_in_passing(string typed) =>
        Assert.Null(QuizAnswerReader.Read(typed, _choices));
}
