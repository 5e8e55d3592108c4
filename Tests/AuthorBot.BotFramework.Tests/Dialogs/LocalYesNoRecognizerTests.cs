using AuthorBot.BotFramework.Dialogs.Prompts;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class LocalYesNoRecognizerTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("YES!", true)]
    [InlineData("yep", true)]
    [InlineData("sure thing", true)]
    [InlineData("ok", true)]
    [InlineData("absolutely", true)]
    [InlineData("go ahead", true)]
    [InlineData("yes, no problem", true)]
    [InlineData("👍", true)]
    [InlineData("no", false)]
    [InlineData("nah", false)]
    [InlineData("no thank you", false)]
    [InlineData("not really", false)]
    [InlineData("i do not", false)]
    [InlineData("don't", false)]
    [InlineData("👎", false)]
    [InlineData("not right now", false)]
    [InlineData("agreed", true)]
    [InlineData("no way", false)]
    [InlineData("\U0001F44D\U0001F3FD", true)]
    [InlineData("\U0001F44C", true)]
    [InlineData("\U0001F44E\U0001F3FF", false)]
    [InlineData("not ok", false)]
    [InlineData("maybe", null)]
    [InlineData("I'm not sure", null)]
    [InlineData("no yes", null)]
    [InlineData("blue", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Reads_yes_no_or_neither(string? utterance, bool? expected)
    {
        Assert.Equal(expected, LocalYesNoRecognizer.Instance.Recognize(utterance, "en-US"));
    }
}
