using System.Text.Json;
using AuthorBot.Bot.Tests.Dialogs;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Recommenders.Catalog;

namespace AuthorBot.Bot.Tests.Recommendations;

/// <summary>A reader talking to the real bot about books: says things, presses card buttons, reads the carousels back.</summary>
internal sealed class BookConversation
{
    public BookConversation(ReaderBotHarness? harness = null)
    {
        Harness = harness ?? new ReaderBotHarness();
    }

    public ReaderBotHarness Harness { get; }

    public ReaderRecommender Recommender => Harness.Services.GetRequiredService<ReaderRecommender>();

    public string ReaderId => ReaderRecommender.ReaderIdOf(new(Harness.Adapter.Conversation.ChannelId!, Harness.Adapter.Conversation.User!.Id!));

    public Task<BookCatalog> CatalogAsync() => Recommender.CatalogAsync(CancellationToken.None);

    /// <summary>Sends a typed message; returns every reply of the turn.</summary>
    public Task<List<Activity>> SayAsync(string text) => TurnAsync(Harness.Adapter.MakeActivity(text));

    /// <summary>Sends a typed message at a given local time (the reader's clock, which context-aware ranking reads).</summary>
    public Task<List<Activity>> SayAsync(string text, DateTimeOffset localTime)
    {
        var activity = Harness.Adapter.MakeActivity(text);
        activity.LocalTimestamp = localTime;
        return TurnAsync(activity);
    }

    /// <summary>Presses a card button the way Web Chat sends a messageBack: its text, and its value.</summary>
    public Task<List<Activity>> PressAsync(CardAction button)
    {
        Assert.Equal(ActionTypes.MessageBack, button.Type);
        var activity = Harness.Adapter.MakeActivity(button.Text);
        activity.Value = button.Value;
        return TurnAsync(activity);
    }

    /// <summary>Presses the button with this title on the card of this book.</summary>
    public Task<List<Activity>> PressAsync(Activity carousel, string bookId, string buttonTitle) =>
        PressAsync(Cards(carousel).Single(c => BookIdOf(c) == bookId).Buttons!.Single(b => b.Title == buttonTitle));

    /// <summary>Presses a button for any catalogue book, as a card from an earlier list would.</summary>
    public Task<List<Activity>> PressForAsync(string bookId, string action, string text)
    {
        var activity = Harness.Adapter.MakeActivity(text);
        activity.Value = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["action"] = action, ["bookId"] = bookId });
        return TurnAsync(activity);
    }

    public static Activity Carousel(IEnumerable<Activity> replies) =>
        replies.Single(r => r.AttachmentLayout == AttachmentLayoutTypes.Carousel);

    public static List<HeroCard> Cards(Activity carousel) =>
        [.. carousel.Attachments!.Select(a =>
        {
            Assert.Equal(HeroCard.ContentType, a.ContentType);
            return a.Content!.Value.Deserialize<HeroCard>(JsonSerializerOptions.Web)!;
        })];

    public static string BookIdOf(HeroCard card) => card.Buttons![0].Value!.Value.GetProperty("bookId").GetString()!;

    public static List<string> BookIds(Activity carousel) => [.. Cards(carousel).Select(BookIdOf)];

    public static string Text(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text).Where(t => t is not null));

    private async Task<List<Activity>> TurnAsync(Activity activity)
    {
        await Harness.Adapter.ProcessActivityAsync(activity, Harness.Bot.OnTurnAsync);
        var replies = new List<Activity>();
        while (Harness.Adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }
}
