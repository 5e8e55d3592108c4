using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Builder;

public class MessageFactoryTests
{
    [Fact]
    public void Text_builds_a_message_with_the_swagger_input_hint()
    {
        var activity = MessageFactory.Text("Hi", inputHint: InputHints.ExpectingInput);

        Assert.Equal("""{"type":"message","text":"Hi","inputHint":"expectingInput"}""", BotJson.Serialize(activity));
    }

    [Fact]
    public void SuggestedActions_from_strings_are_imBack_with_title_equal_to_value()
    {
        var activity = MessageFactory.SuggestedActions(["Yes", "No"], "Subscribe?");

        Assert.Equal("Subscribe?", activity.Text);
        Assert.Equal(
            """{"type":"message","text":"Subscribe?","inputHint":"acceptingInput","suggestedActions":{"actions":[{"type":"imBack","title":"Yes","value":"Yes"},{"type":"imBack","title":"No","value":"No"}]}}""",
            BotJson.Serialize(activity));
    }

    [Fact]
    public void Carousel_sets_layout_and_attachments()
    {
        var cards = new[] { new HeroCard { Title = "A" }.ToAttachment(), new HeroCard { Title = "B" }.ToAttachment() };

        var activity = MessageFactory.Carousel(cards, "Books");

        Assert.Equal(AttachmentLayoutTypes.Carousel, activity.AttachmentLayout);
        Assert.Equal(2, activity.Attachments!.Count);
        Assert.Equal(HeroCard.ContentType, activity.Attachments[0].ContentType);
        Assert.Equal("A", activity.Attachments[0].Content?.GetProperty("title").GetString());
    }

    [Fact]
    public void ContentUrl_attaches_by_url()
    {
        var activity = MessageFactory.ContentUrl("https://example.org/cover.png", "image/png", "cover");

        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("https://example.org/cover.png", attachment.ContentUrl);
        Assert.Null(activity.Text);
    }
}
