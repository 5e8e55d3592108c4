using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class ChoiceFactoryTests
{
    private static readonly List<Choice> _three = [new("Red"), new("Green"), new("Blue")];

    [Theory]
    [InlineData(Channels.Webchat)]
    [InlineData(Channels.Directline)]
    [InlineData(Channels.Emulator)]
    public void Web_chat_style_channels_get_suggested_actions(string channel)
    {
        var activity = ChoiceFactory.ForChannel(channel, _three, "Pick a colour");

        Assert.Equal("Pick a colour", activity.Text);
        Assert.Equal(["Red", "Green", "Blue"], activity.SuggestedActions!.Actions!.Select(a => a.Title));
        Assert.All(activity.SuggestedActions.Actions!, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Equal(InputHints.ExpectingInput, activity.InputHint);
        Assert.Null(activity.Attachments);
    }

    [Fact]
    public void Teams_gets_an_adaptive_card_because_it_has_no_suggested_actions_for_choices()
    {
        var activity = ChoiceFactory.ForChannel(Channels.Msteams, _three, "Pick a colour");

        Assert.Null(activity.SuggestedActions);
        var card = Assert.Single(activity.Attachments!);
        Assert.Equal(AdaptiveCards.ContentType, card.ContentType);
        var content = card.Content!.Value;
        Assert.Equal("1.5", content.GetProperty("version").GetString());
        Assert.Equal("Pick a colour", content.GetProperty("body")[0].GetProperty("text").GetString());
        var buttons = content.GetProperty("body")[1].GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["Red", "Green", "Blue"], buttons.Select(b => b.GetProperty("title").GetString()));
        Assert.All(buttons, b => Assert.Equal("Action.Submit", b.GetProperty("type").GetString()));
        Assert.Equal("Green", buttons[1].GetProperty("data").GetProperty(ChoiceFactory.CardChoiceProperty).GetString());
        Assert.Equal("Pick a colour (1) Red, (2) Green, or (3) Blue", activity.Summary);
        Assert.Equal(activity.Summary, content.GetProperty("fallbackText").GetString());
    }

    [Fact]
    public void Adaptive_card_choices_go_in_rows_of_three_and_a_press_reads_back_as_the_choice()
    {
        var seven = Enumerable.Range(1, 7).Select(i => new Choice($"c{i}")).ToList();

        var body = ChoiceFactory.ForChannel(Channels.Msteams, seven, "Pick").Attachments![0].Content!.Value.GetProperty("body");
        var press = Activity.CreateMessageActivity();
        press.Value = System.Text.Json.JsonDocument.Parse("""{"choice":"c5"}""").RootElement;

        Assert.Equal([3, 3, 1], body.EnumerateArray().Skip(1).Select(row => row.GetProperty("actions").GetArrayLength()));
        Assert.Equal("c5", ChoiceFactory.ChoiceOf(press));
        Assert.Null(ChoiceFactory.ChoiceOf(Activity.CreateMessageActivity()));
    }

    [Fact]
    public void Suggested_action_style_becomes_card_buttons_where_only_cards_work()
    {
        Assert.Equal(AdaptiveCards.ContentType, ChoiceFactory.Render(ListStyle.SuggestedAction, Channels.Msteams, _three, "Pick").Attachments![0].ContentType);
        Assert.NotNull(ChoiceFactory.Render(ListStyle.SuggestedAction, Channels.Webchat, _three, "Pick").SuggestedActions);
        Assert.NotNull(ChoiceFactory.Render(ListStyle.SuggestedAction, Channels.Test, _three, "Pick").SuggestedActions);
        Assert.Equal(HeroCard.ContentType, ChoiceFactory.Render(ListStyle.HeroCard, Channels.Msteams, _three, "Pick").Attachments![0].ContentType);
    }

    [Fact]
    public void Channels_without_buttons_get_inline_text_for_few_choices_and_a_list_for_many()
    {
        Assert.Equal("Pick a colour (1) Red, (2) Green, or (3) Blue", ChoiceFactory.ForChannel(Channels.Test, _three, "Pick a colour").Text);
        Assert.Equal("Pick (1) Red or (2) Green", ChoiceFactory.ForChannel(Channels.Sms, _three.Take(2).ToList(), "Pick").Text);

        var four = _three.Append(new Choice("Yellow")).ToList();
        Assert.Equal("Pick\n\n   1. Red\n   2. Green\n   3. Blue\n   4. Yellow", ChoiceFactory.ForChannel(Channels.Test, four, "Pick").Text);
    }

    [Fact]
    public void Long_titles_fall_back_to_a_list_even_where_buttons_exist()
    {
        var choices = new List<Choice> { new("A title that is far too long for a button"), new("Short") };

        var activity = ChoiceFactory.ForChannel(Channels.Webchat, choices, "Pick");

        Assert.Null(activity.SuggestedActions);
        Assert.StartsWith("Pick\n\n   1. A title", activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Button_limits_per_channel_come_from_one_table()
    {
        Assert.True(Channel.SupportsSuggestedActions(Channels.Webchat, 100));
        Assert.False(Channel.SupportsSuggestedActions(Channels.Webchat, 101));
        Assert.True(Channel.SupportsSuggestedActions(Channels.Facebook, 10));
        Assert.False(Channel.SupportsSuggestedActions(Channels.Facebook, 11));
        Assert.False(Channel.SupportsSuggestedActions(Channels.Msteams, 1));
        Assert.True(Channel.SupportsCardActions(Channels.Msteams, 50));
        Assert.False(Channel.SupportsCardActions(Channels.Msteams, 51));
        Assert.False(Channel.SupportsCardActions(Channels.Test, 1));
        Assert.True(Channel.SupportsAdaptiveCards(Channels.Msteams));
        Assert.True(Channel.SupportsAdaptiveCards(Channels.Directline));
        Assert.False(Channel.SupportsAdaptiveCards(Channels.Test));
        Assert.True(Channel.SupportsAdaptiveCardExecute(Channels.Msteams));
        Assert.False(Channel.SupportsAdaptiveCardExecute(Channels.Webchat));
        Assert.False(Channel.SupportsSuggestedActions(null));
    }

    [Fact]
    public void Too_many_choices_for_teams_buttons_become_a_list()
    {
        var many = Enumerable.Range(1, 51).Select(i => new Choice($"c{i}")).ToList();

        var activity = ChoiceFactory.ForChannel(Channels.Msteams, many, "Pick");

        Assert.Null(activity.Attachments);
        Assert.Contains("51. c51", activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_styles_and_custom_actions_are_honoured()
    {
        var withAction = new List<Choice> { new("buy") { Action = new CardAction(ActionTypes.OpenUrl, "Buy the book", "https://example.com/buy") }, new("later") };

        var hero = ChoiceFactory.Render(ListStyle.HeroCard, Channels.Test, withAction, "Now?");
        var buttons = hero.Attachments![0].Content!.Value.GetProperty("buttons");
        Assert.Equal(ActionTypes.OpenUrl, buttons[0].GetProperty("type").GetString());
        Assert.Equal("Buy the book", buttons[0].GetProperty("title").GetString());

        Assert.Equal("Now?", ChoiceFactory.Render(ListStyle.None, Channels.Webchat, withAction, "Now?").Text);
        Assert.Equal("Now? Buy the book or later", ChoiceFactory.Inline(withAction, "Now?", options: new ChoiceFactoryOptions { IncludeNumbers = false }).Text);
    }
}
