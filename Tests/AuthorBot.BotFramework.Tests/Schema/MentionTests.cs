using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Schema;

public class MentionTests
{
    private static Activity TeamsChannelMessage(string text)
    {
        var activity = BotJson.DeserializeActivity(FixtureFiles.Read("teams/SampleActivityAtMention.json"))!;
        activity.Text = text;
        return activity;
    }

    [Fact]
    public void Reads_mention_entities()
    {
        var mention = Assert.Single(TeamsChannelMessage("x").GetMentions());

        Assert.Equal("28:f7c72d1a-9892-42b7-8fe0-6fb6e7c85851", mention.Mentioned?.Id);
        Assert.Equal("<at>TestBot</at>", mention.Text);
    }

    [Fact]
    public void Removes_the_bot_mention_from_the_text()
    {
        var activity = TeamsChannelMessage("<at>TestBot</at> recommend a book");

        Assert.Equal("recommend a book", activity.RemoveRecipientMention());
        Assert.Equal("recommend a book", activity.Text);
    }

    [Fact]
    public void Leaves_other_mentions_alone()
    {
        var activity = TeamsChannelMessage("<at>Someone</at> hi");

        Assert.Equal("<at>Someone</at> hi", activity.RemoveMentionText("29:other"));
    }

    [Fact]
    public void No_entities_means_no_mentions()
    {
        Assert.Empty(new Activity(ActivityTypes.Message) { Text = "hi" }.GetMentions());
    }
}
