using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Teams.Tests;

/// <summary>The bot's @mention, as the playground and Teams send it, never reaches routing; group chatter does not reach the bot.</summary>
public sealed class MentionTests
{
    [Fact]
    public async Task The_playground_group_mention_is_stripped_before_the_bot_runs()
    {
        var activity = Fixtures.Activity("playground/group-message-mention.json");
        Assert.Equal("<at>Test Bot</at> hello", activity.Text);

        var reached = await RunAsync(activity);

        Assert.True(reached);
        Assert.Equal("hello", activity.Text);
    }

    [Fact]
    public async Task Only_the_bots_own_mention_is_removed_when_two_bots_are_mentioned()
    {
        var activity = Fixtures.Activity("teams/SampleActivity2AtMentions.json");

        Assert.True(await RunAsync(activity));
        Assert.Equal("<at>Test Bot 1</at> TestMessage", activity.Text);
    }

    [Fact]
    public async Task A_mention_in_the_middle_of_a_sentence_leaves_one_space()
    {
        var activity = Fixtures.Activity("teams/SampleActivityAtMention.json");
        activity.Text = "please <at>TestBot</at>&nbsp;recommend a book\n";

        Assert.True(await RunAsync(activity));
        Assert.Equal("please recommend a book", activity.Text);
    }

    [Fact]
    public async Task Markup_without_an_entity_still_counts_as_the_bots_mention()
    {
        var activity = Fixtures.Activity("playground/group-message-mention.json");
        activity.Entities = [.. activity.Entities!.Where(e => e.Type != Mention.EntityType)];

        Assert.True(await RunAsync(activity));
        Assert.Equal("hello", activity.Text);
    }

    [Fact]
    public async Task A_group_message_that_does_not_mention_the_bot_ends_the_turn_unanswered()
    {
        var activity = Fixtures.Activity("playground/group-message-mention.json");
        activity.Text = "hello everyone";
        activity.Entities = [.. activity.Entities!.Where(e => e.Type != Mention.EntityType)];

        Assert.False(await RunAsync(activity));
    }

    [Fact]
    public async Task A_channel_message_mentioning_someone_else_ends_the_turn_unanswered()
    {
        var activity = Fixtures.Activity("teams/SampleActivityAtMention.json");
        activity.Recipient = new ChannelAccount("28:someone-else", "Other Bot");

        Assert.False(await RunAsync(activity));
    }

    [Fact]
    public async Task A_card_submission_in_a_group_chat_reaches_the_bot_without_a_mention()
    {
        var activity = Fixtures.Activity("playground/group-action-submit.json");
        Assert.Null(activity.Text);

        Assert.True(await RunAsync(activity));
    }

    [Fact]
    public async Task A_personal_message_reaches_the_bot_with_or_without_the_mention()
    {
        var plain = Fixtures.Activity("playground/personal-message.json");
        var mentioned = Fixtures.Activity("playground/personal-message.json");
        mentioned.Text = "<at>Test Bot</at> help";
        mentioned.Entities = [.. Fixtures.Activity("playground/group-message-mention.json").Entities!];

        Assert.True(await RunAsync(plain));
        Assert.Equal("hello", plain.Text);
        Assert.True(await RunAsync(mentioned));
        Assert.Equal("help", mentioned.Text);
    }

    [Fact]
    public async Task Other_activity_types_pass_untouched()
    {
        Assert.True(await RunAsync(Fixtures.Activity("playground/personal-conversation-update-members-added.json")));
        Assert.True(await RunAsync(Fixtures.Activity("playground/channel-action-execute-invoke.json")));
    }

    private static async Task<bool> RunAsync(Activity activity)
    {
        var reached = false;
        var context = new TurnContext(new TestAdapter(Channels.Msteams), activity);
        await new RecipientMentionMiddleware().OnTurnAsync(context, _ =>
        {
            reached = true;
            return Task.CompletedTask;
        });
        return reached;
    }
}
