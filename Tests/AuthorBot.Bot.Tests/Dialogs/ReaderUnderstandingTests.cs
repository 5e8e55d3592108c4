using AuthorBot.Dialogs.Intents;

namespace AuthorBot.Bot.Tests.Dialogs;

/// <summary>The classifier as the bot trains it (shipped examples and the demo author's), on messages it was not taught verbatim.</summary>
public class ReaderUnderstandingTests
{
    private static ReaderUnderstanding Understanding() => new ReaderBotHarness().Services.GetRequiredService<ReaderUnderstanding>();

    [Theory]
    [InlineData("recomend a book", ReaderIntents.Recommend)]
    [InlineData("could u recomend somethin to read", ReaderIntents.Recommend)]
    [InlineData("I loved your last book!", ReaderIntents.Praise)]
    [InlineData("who are you?", ReaderIntents.AboutBot)]
    [InlineData("thanks!", ReaderIntents.Thanks)]
    [InlineData("What's The Glass Cartographer about?", ReaderIntents.AboutBook)]
    [InlineData("whats the glass cartografer about", ReaderIntents.AboutBook)]
    [InlineData("is there an audiobook?", ReaderIntents.Formats)]
    [InlineData("bye", ReaderIntents.Goodbye)]
    [InlineData("something like Harry Potter please", ReaderIntents.Recommend)]
    [InlineData("when is the next book out", ReaderIntents.NewBook)]
    [InlineData("please take me off the mailing list", ReaderIntents.Unsubscribe)]
    [InlineData("no more newsletters for me", ReaderIntents.Unsubscribe)]
    [InlineData("I no longer want your newsletter", ReaderIntents.Unsubscribe)]
    [InlineData("I get too many messages from you", ReaderIntents.Preferences)]
    [InlineData("newsleter", ReaderIntents.Newsletter)]
    [InlineData("sign me up for the newsletter", ReaderIntents.Newsletter)]
    [InlineData("this bot is useless", ReaderIntents.Complaint)]
    [InlineData("am I chatting with a human?", ReaderIntents.AboutBot)]
    [InlineData("who is Maren Holloway?", ReaderIntents.AboutAuthor)]
    [InlineData("what order should I read the books in", ReaderIntents.Series)]
    [InlineData("menu", ReaderIntents.Menu)]
    [InlineData("stop", ReaderIntents.StopAnnouncements)]
    [InlineData("can I get a signed copy?", "faq:signed-copies")]
    public async Task Understands_natural_first_messages_confidently(string text, string expected)
    {
        var understood = await Understanding().UnderstandAsync(text);

        Assert.Equal(expected, understood.Intent);
        Assert.True(understood.IsConfident, $"{text}: {understood.Intent} at {understood.Score:F2}");
    }

    [Theory]
    [InlineData("Helen Cancelliere")]
    [InlineData("purple elephants")]
    [InlineData("")]
    public async Task Names_and_nonsense_are_not_understood(string text)
    {
        var understood = await Understanding().UnderstandAsync(text);

        Assert.False(understood.IsConfident, $"{text}: {understood.Intent} at {understood.Score:F2}");
    }

    [Fact]
    public async Task Finds_a_misspelt_title_and_scores_sentiment()
    {
        var understanding = Understanding();

        var praise = await understanding.UnderstandAsync("I loved the salt orchad so much!");
        var angry = await understanding.UnderstandAsync("this bot is useless and I hate it");

        Assert.Equal(["the-salt-orchard"], praise.BookIds);
        Assert.True(praise.Sentiment > 0.5, $"{praise.Sentiment}");
        Assert.True(angry.IsStronglyNegative, $"{angry.Sentiment}");
    }
}
