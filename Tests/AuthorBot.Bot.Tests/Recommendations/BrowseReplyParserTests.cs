using System.Text.Json;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Bot.Tests.Recommendations;

public class BrowseReplyParserTests
{
    private static readonly Lazy<Task<BookCatalog>> _catalog = new(() =>
        new ReaderRecommender(new RecommendationOptions(), TimeProvider.System).CatalogAsync(CancellationToken.None));

    // The Girl with the Dragon Tattoo, Gone Girl, It, The One (The Selection, #3), The Hunger Games.
    private static readonly string[] _confusable = ["16", "30", "176", "506", "1"];

    [Theory]
    [InlineData("more", "More")]
    [InlineData("Show me more books please", "More")]
    [InlineData("something else", "More")]
    [InlineData("done", "Done")]
    [InlineData("No thanks!", "Done")]
    [InlineData("why?", "Why")]
    [InlineData("why this one", "Why")]
    [InlineData("blorp", "Unknown")]
    public async Task Commands_are_read_from_words(string text, string expected)
    {
        var reply = await ParseAsync(text);
        Assert.Equal(Enum.Parse<BrowseCommand>(expected), reply.Command);
        Assert.Null(reply.BookId);
    }

    [Theory]
    [InlineData("not for me 2", InteractionKind.NotInterested, 1)]
    [InlineData("Sounds good: the second one", InteractionKind.Like, 1)]
    [InlineData("already read the last one", InteractionKind.AlreadyRead, 4)]
    [InlineData("nope, 1", InteractionKind.NotInterested, 0)]
    public async Task Feedback_names_a_book_on_screen_by_position(string text, InteractionKind kind, int position)
    {
        var (current, _) = await ScreenAsync();
        var reply = await ParseAsync(text);
        Assert.Equal(new BrowseReply(BrowseCommand.Feedback, kind, current[position].Id), reply);
    }

    [Fact]
    public async Task Feedback_and_why_name_books_by_title_on_screen_only()
    {
        var (current, catalog) = await ScreenAsync();
        var onScreen = BrowseReplyParser.ShortTitle(current[3].Title);
        Assert.Equal(current[3].Id, (await ParseAsync("why " + onScreen.ToUpperInvariant() + "?")).BookId);

        Assert.DoesNotContain(current, b => b.Title == "The Hobbit");
        Assert.Equal(new BrowseReply(BrowseCommand.Feedback, InteractionKind.AlreadyRead, NamedUnknownBook: true), await ParseAsync("I've read The Hobbit"));
        Assert.Equal(new BrowseReply(BrowseCommand.Why, NamedUnknownBook: true), await ParseAsync("why zzyzx quux"));
    }

    [Fact]
    public async Task A_button_value_wins_over_the_text_and_an_unknown_book_id_is_flagged()
    {
        var (current, catalog) = await ScreenAsync();
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = "Sounds good: something else entirely",
            Value = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["action"] = "already-read", ["bookId"] = current[2].Id }),
        };
        Assert.Equal(new BrowseReply(BrowseCommand.Feedback, InteractionKind.AlreadyRead, current[2].Id), BrowseReplyParser.Parse(activity, current, catalog));

        activity.Value = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["action"] = "like", ["bookId"] = "no-such-book" });
        Assert.Equal(new BrowseReply(BrowseCommand.Feedback, InteractionKind.Like, NamedUnknownBook: true), BrowseReplyParser.Parse(activity, current, catalog));
    }

    [Theory]
    [InlineData("Catching Fire (The Hunger Games, #2)", "Catching Fire")]
    [InlineData("The Hobbit", "The Hobbit")]
    [InlineData("The Lord of the Rings (The Lord of the Rings, #1-3)", "The Lord of the Rings")]
    public void Short_titles_drop_the_series(string title, string expected) => Assert.Equal(expected, BrowseReplyParser.ShortTitle(title));

    [Theory]
    [InlineData("sci-fi", "science-fiction")]
    [InlineData("YA", "young-adult")]
    [InlineData("fantsy", "fantasy")]
    [InlineData("I love mysteries", "mystery")]
    [InlineData("historical", "historical-fiction")]
    [InlineData("fiction", null)]
    [InlineData("purple elephant", null)]
    public async Task Genres_are_found_in_readers_words(string phrase, string? tag)
    {
        var genres = new GenreVocabulary((await _catalog.Value).Tags);
        Assert.Equal(tag, genres.Find(phrase));
    }

    [Fact]
    public async Task A_genre_list_keeps_order_drops_repeats_and_reports_the_rest()
    {
        var genres = new GenreVocabulary((await _catalog.Value).Tags);
        var (tags, unknown) = genres.ParseList("Horror, sci fi and horror / cookbooks");
        Assert.Equal(["horror", "science-fiction"], tags);
        Assert.Equal(["cookbooks"], unknown);
        Assert.Equal(["fantasy", "mystery"], genres.FromInterests(["Fantasy", "mysteries", "book launches"]));
    }

    [Fact]
    public async Task Typed_feedback_resolves_the_book_the_reader_means_among_those_shown()
    {
        var catalog = await _catalog.Value;
        List<CatalogItem> shown = [.. _confusable.Select(id => catalog.Find(id)!)];
        BrowseReply Parse(string text, string? focus = null) =>
            BrowseReplyParser.Parse(new Activity(ActivityTypes.Message) { Text = text }, shown, catalog, focus);

        // Gone Girl, not The Girl with the Dragon Tattoo, though both have "girl".
        Assert.Equal("30", Parse("not for me: Gone Girl").BookId);
        Assert.Equal("30", Parse("gone girl is not for me").BookId);
        Assert.Equal("16", Parse("not for me: the girl with the dragon tatoo").BookId);

        // "it" is the book just talked about, never Stephen King's It; without one, the bot asks.
        Assert.Equal(new BrowseReply(BrowseCommand.Feedback, InteractionKind.AlreadyRead), Parse("I've already read it"));
        Assert.Equal("30", Parse("I've already read it", focus: "30").BookId);

        // An ordinal names a position: "the first one" is not The One (The Selection, #3), fourth on screen.
        Assert.Equal(new BrowseReply(BrowseCommand.Feedback, InteractionKind.Like, "16"), Parse("the first one sounds good"));
        Assert.Equal(new BrowseReply(BrowseCommand.Feedback, InteractionKind.Like, "176"), Parse("Sounds good: the third one"));

        // A word two titles share equally is no answer: ask which.
        var both = Parse("not for me: girl");
        Assert.Null(both.BookId);
        Assert.Equal(["16", "30"], both.Candidates!.Order());
    }

    private static async Task<(List<CatalogItem> Current, BookCatalog Catalog)> ScreenAsync()
    {
        var catalog = await _catalog.Value;
        return ([.. Enumerable.Range(1, 5).Select(id => catalog.Find(id.ToString(System.Globalization.CultureInfo.InvariantCulture))!)], catalog);
    }

    private static async Task<BrowseReply> ParseAsync(string text)
    {
        var (current, catalog) = await ScreenAsync();
        return BrowseReplyParser.Parse(new Activity(ActivityTypes.Message) { Text = text }, current, catalog);
    }
}
