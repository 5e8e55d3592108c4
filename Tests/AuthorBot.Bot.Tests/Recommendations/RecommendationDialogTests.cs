using AuthorBot.Bot.Tests.Dialogs;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Bot.Tests.Recommendations;

public class RecommendationDialogTests
{
    [Fact]
    public async Task New_reader_names_genres_in_one_message_and_gets_books_of_those_genres()
    {
        var talk = new BookConversation();
        var catalog = await talk.CatalogAsync();

        var question = await talk.SayAsync("what should I read next?");
        Assert.Contains("Which genres do you like?", BookConversation.Text(question), StringComparison.Ordinal);
        Assert.Contains(question.SelectMany(q => q.SuggestedActions?.Actions ?? []), a => a.Title == "Fantasy");

        var replies = await talk.SayAsync("horror, and mysteries");
        Assert.Contains("I'll remember you like horror and mystery", BookConversation.Text(replies), StringComparison.Ordinal);
        var books = BookConversation.BookIds(BookConversation.Carousel(replies)).Select(id => catalog.Find(id)!).ToList();
        Assert.Equal(RecommendationDialog.ListSize, books.Count);
        Assert.All(books, b => Assert.True(b.Tags.Contains("horror") || b.Tags.Contains("mystery"), $"{b.Title} is {string.Join('|', b.Tags)}"));

        var profile = await talk.Harness.StoredProfileAsync();
        Assert.Equal(["horror", "mystery"], profile!.Interests);
    }

    [Fact]
    public async Task Genres_can_be_picked_one_at_a_time_until_done()
    {
        var talk = new BookConversation();
        await talk.SayAsync("recommend me a book");
        var second = await talk.SayAsync("Science fiction");
        Assert.Contains("Got it: Science fiction. Another genre, or \"Done\"?", BookConversation.Text(second), StringComparison.Ordinal);
        Assert.DoesNotContain(second.SelectMany(q => q.SuggestedActions?.Actions ?? []), a => a.Title == "Science fiction");
        await talk.SayAsync("YA");
        var replies = await talk.SayAsync("done");

        var carousel = BookConversation.Carousel(replies);
        Assert.Equal("carousel", carousel.AttachmentLayout);
        var profile = await talk.Harness.StoredProfileAsync();
        Assert.Equal(["science-fiction", "young-adult"], profile!.Interests);
    }

    [Fact]
    public async Task Nonsense_genre_is_reprompted_and_nothing_is_stored()
    {
        var talk = new BookConversation();
        await talk.SayAsync("suggest a book");
        var retry = await talk.SayAsync("purple elephant");

        Assert.Contains("Sorry, I don't know that genre", BookConversation.Text(retry), StringComparison.Ordinal);
        Assert.DoesNotContain(retry, r => r.AttachmentLayout == AttachmentLayoutTypes.Carousel);
        Assert.Empty((await talk.Harness.StoredProfileAsync())?.Interests ?? []);
        var replies = await talk.SayAsync("fantasy");
        Assert.Contains("Another genre", BookConversation.Text(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_carry_title_author_year_rating_cover_reason_and_three_buttons()
    {
        var talk = new BookConversation();
        await talk.SayAsync("recommend");
        var replies = await talk.SayAsync("surprise me");
        var catalog = await talk.CatalogAsync();

        var cards = BookConversation.Cards(BookConversation.Carousel(replies));
        Assert.Equal(RecommendationDialog.ListSize, cards.Count);
        for (var i = 0; i < cards.Count; i++)
        {
            var card = cards[i];
            var book = catalog.Find(BookConversation.BookIdOf(card))!;
            // "1 · Title": hero card titles are Markdown in Web Chat and Emulator, where "1. " starts a list and shows "1." alone.
            Assert.Equal($"{i + 1} · {book.Title}", card.Title);
            Assert.Contains(book.Authors[0], card.Subtitle, StringComparison.Ordinal);
            Assert.Contains(book.Year!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), card.Subtitle, StringComparison.Ordinal);
            Assert.Contains("average rating", card.Subtitle, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(card.Text));
            if (book.ImageUrl is not null)
            {
                Assert.Equal(book.ImageUrl, Assert.Single(card.Images!).Url);
            }

            Assert.Equal(["Sounds good", "Not for me", "Already read"], card.Buttons!.Select(b => b.Title));
            Assert.All(card.Buttons!, b => Assert.Equal(book.Id, b.Value!.Value.GetProperty("bookId").GetString()));
        }
    }

    [Fact]
    public async Task A_book_marked_not_for_me_never_comes_back()
    {
        var talk = new BookConversation();
        await talk.SayAsync("recommend");
        var first = BookConversation.Carousel(await talk.SayAsync("surprise me"));
        var rejected = BookConversation.BookIds(first)[0];

        var ack = await talk.PressAsync(first, rejected, "Not for me");
        Assert.StartsWith("Got it, I won't suggest", BookConversation.Text(ack), StringComparison.Ordinal);
        var history = await talk.Recommender.HistoryAsync(talk.ReaderId, CancellationToken.None);
        Assert.Equal(InteractionKind.NotInterested, Assert.Single(history).Kind);

        var seen = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            seen.AddRange(BookConversation.BookIds(BookConversation.Carousel(await talk.SayAsync("more"))));
        }

        await talk.SayAsync("done");
        seen.AddRange(BookConversation.BookIds(BookConversation.Carousel(await talk.SayAsync("recommend"))));
        Assert.Equal(35, seen.Count);
        Assert.DoesNotContain(rejected, seen);
    }

    [Fact]
    public async Task Liking_fantasy_shifts_the_next_list_toward_fantasy()
    {
        var talk = new BookConversation();
        var catalog = await talk.CatalogAsync();
        await talk.SayAsync("recommend");
        var first = BookConversation.BookIds(BookConversation.Carousel(await PickOneGenreAsync(talk, "romance")));
        var fantasyBefore = first.Count(id => catalog.Find(id)!.Tags.Contains("fantasy"));

        // The reader likes three fantasy books from earlier cards (not on screen now).
        var liked = catalog.Items.Where(b => b.Tags.Contains("fantasy") && !first.Contains(b.Id)).Take(3).ToList();
        foreach (var book in liked)
        {
            var ack = await talk.PressForAsync(book.Id, "like", $"Sounds good: {book.Title}");
            Assert.Contains("sounds good", BookConversation.Text(ack), StringComparison.Ordinal);
        }

        var next = BookConversation.BookIds(BookConversation.Carousel(await talk.SayAsync("more")));
        var fantasyAfter = next.Count(id => catalog.Find(id)!.Tags.Contains("fantasy"));
        Assert.True(fantasyAfter > fantasyBefore, $"fantasy books before {fantasyBefore}, after {fantasyAfter}");
        Assert.True(fantasyAfter >= 3, $"only {fantasyAfter} fantasy books after liking three");
        Assert.Empty(next.Intersect(liked.Select(b => b.Id)));
        Assert.Empty(next.Intersect(first));
    }

    [Fact]
    public async Task Typed_feedback_by_number_or_title_is_recorded_like_a_button()
    {
        var talk = new BookConversation();
        var catalog = await talk.CatalogAsync();
        await talk.SayAsync("recommend");
        var ids = BookConversation.BookIds(BookConversation.Carousel(await PickOneGenreAsync(talk, "classics")));

        var byNumber = await talk.SayAsync("not for me 2");
        Assert.StartsWith("Got it, I won't suggest", BookConversation.Text(byNumber), StringComparison.Ordinal);
        var third = catalog.Find(ids[2])!;
        var byTitle = await talk.SayAsync("already read " + BrowseReplyParser.ShortTitle(third.Title));
        Assert.StartsWith("Noted that you've read", BookConversation.Text(byTitle), StringComparison.Ordinal);
        var which = await talk.SayAsync("sounds good");
        Assert.StartsWith("Which book?", BookConversation.Text(which), StringComparison.Ordinal);

        var history = await talk.Recommender.HistoryAsync(talk.ReaderId, CancellationToken.None);
        Assert.Equal([(ids[1], InteractionKind.NotInterested), (ids[2], InteractionKind.AlreadyRead)], history.Select(i => (i.ItemId, i.Kind)));
        Assert.All(history, i => Assert.Equal("test", i.Channel));
    }

    [Fact]
    public async Task Why_explains_a_pick_by_number_title_or_the_book_just_pressed()
    {
        var talk = new BookConversation();
        var catalog = await talk.CatalogAsync();
        await talk.SayAsync("recommend");
        var first = BookConversation.Carousel(await PickOneGenreAsync(talk, "fantasy"));
        var cards = BookConversation.Cards(first);
        var second = catalog.Find(BookConversation.BookIdOf(cards[1]))!;

        var why = BookConversation.Text(await talk.SayAsync("why number 2?"));
        Assert.Equal($"{BrowseReplyParser.ShortTitle(second.Title)}: {cards[1].Text}.", why);

        var liked = catalog.Find(BookConversation.BookIdOf(cards[0]))!;
        await talk.PressAsync(first, liked.Id, "Sounds good");
        var next = BookConversation.Cards(BookConversation.Carousel(await talk.SayAsync("more")));
        var because = next.FirstOrDefault(c => c.Text!.StartsWith("Because you liked", StringComparison.Ordinal));
        Assert.NotNull(because);
        var title = BrowseReplyParser.ShortTitle(catalog.Find(BookConversation.BookIdOf(because))!.Title);
        var explained = BookConversation.Text(await talk.SayAsync($"why {title}?"));
        Assert.Equal($"{title}: Because you liked {liked.Title}.", explained);

        var all = BookConversation.Text(await talk.SayAsync("why?"));
        Assert.Contains(title, all, StringComparison.Ordinal);
        var unknown = BookConversation.Text(await talk.SayAsync("why zzyzx quux?"));
        Assert.StartsWith("I couldn't find that book", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unclear_replies_get_the_hint_and_the_third_ends_the_list()
    {
        var talk = new BookConversation();
        await talk.SayAsync("recommend");
        await talk.SayAsync("surprise me");

        Assert.Contains(RecommendationDialog.Hint, BookConversation.Text(await talk.SayAsync("blorp")), StringComparison.Ordinal);
        Assert.Contains(RecommendationDialog.Hint, BookConversation.Text(await talk.SayAsync("glorp")), StringComparison.Ordinal);
        Assert.StartsWith("Let's leave the book list there", BookConversation.Text(await talk.SayAsync("florp")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_with_history_is_not_asked_for_genres_again()
    {
        var talk = new BookConversation();
        await talk.SayAsync("recommend");
        await talk.SayAsync("surprise me");
        await talk.SayAsync("not for me 1");
        await talk.SayAsync("done");

        var replies = await talk.SayAsync("recommend");
        Assert.DoesNotContain("Which genres", BookConversation.Text(replies), StringComparison.Ordinal);
        Assert.Equal(RecommendationDialog.ListSize, BookConversation.BookIds(BookConversation.Carousel(replies)).Count);
    }

    [Fact]
    public async Task Help_in_the_middle_of_a_list_repeats_the_hint_and_the_list_carries_on()
    {
        var talk = new BookConversation();
        await talk.SayAsync("recommend");
        await talk.SayAsync("surprise me");

        var help = BookConversation.Text(await talk.SayAsync("help"));
        Assert.EndsWith(RecommendationDialog.Hint, help, StringComparison.Ordinal);
        Assert.Equal(RecommendationDialog.ListSize, BookConversation.BookIds(BookConversation.Carousel(await talk.SayAsync("more"))).Count);
    }

    [Fact]
    public async Task Feedback_after_the_list_has_ended_is_still_recorded_for_a_book_it_showed_and_a_fresh_list_follows()
    {
        var talk = new BookConversation();
        var catalog = await talk.CatalogAsync();
        await talk.SayAsync("recommend");
        var shown = BookConversation.BookIds(BookConversation.Carousel(await talk.SayAsync("surprise me")));
        await talk.SayAsync("done");
        var third = catalog.Find(shown[2])!;
        var title = BrowseReplyParser.ShortTitle(third.Title);

        var replies = await talk.SayAsync("Not for me: " + title);
        Assert.StartsWith($"Got it, I won't suggest {title} again.", BookConversation.Text(replies), StringComparison.Ordinal);
        Assert.DoesNotContain(third.Id, BookConversation.BookIds(BookConversation.Carousel(replies)));
        var history = await talk.Recommender.HistoryAsync(talk.ReaderId, CancellationToken.None);
        Assert.Equal((third.Id, InteractionKind.NotInterested), history.Select(i => (i.ItemId, i.Kind)).Single());
    }

    [Fact]
    public async Task Typed_feedback_never_records_a_book_that_was_not_shown()
    {
        var talk = new BookConversation();
        var catalog = await talk.CatalogAsync();
        await talk.SayAsync("recommend");
        var shown = BookConversation.BookIds(BookConversation.Carousel(await talk.SayAsync("surprise me")));
        var elsewhere = catalog.Items.First(b => !shown.Contains(b.Id) && BrowseReplyParser.ShortTitle(b.Title).Split(' ').Length >= 2);

        var reply = BookConversation.Text(await talk.SayAsync("not for me: " + BrowseReplyParser.ShortTitle(elsewhere.Title)));

        Assert.StartsWith("I couldn't find that book in this list", reply, StringComparison.Ordinal);
        Assert.Empty(await talk.Recommender.HistoryAsync(talk.ReaderId, CancellationToken.None));
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_list_keeps_the_list_and_the_feedback()
    {
        using var folder = new TempFolder();
        var storage = new AuthorBot.BotFramework.State.MemoryStorage();
        void OnDisk(IServiceCollection services) => services.AddSingleton(new RecommendationOptions { DataDirectory = folder.Path });
        var before = new BookConversation(new ReaderBotHarness(storage, configure: OnDisk));
        await before.SayAsync("recommend");
        var shown = BookConversation.BookIds(BookConversation.Carousel(await before.SayAsync("surprise me")));
        await before.SayAsync("not for me 2");
        await before.Harness.Services.DisposeAsync();

        var after = new BookConversation(new ReaderBotHarness(storage, configure: OnDisk));
        var ack = await after.SayAsync("already read 3");
        Assert.StartsWith("Noted that you've read", BookConversation.Text(ack), StringComparison.Ordinal);
        var next = BookConversation.BookIds(BookConversation.Carousel(await after.SayAsync("more")));

        Assert.Empty(next.Intersect(shown));
        var history = await after.Recommender.HistoryAsync(after.ReaderId, CancellationToken.None);
        Assert.Equal([(shown[1], InteractionKind.NotInterested), (shown[2], InteractionKind.AlreadyRead)], history.Select(i => (i.ItemId, i.Kind)));
        await after.Harness.Services.DisposeAsync();
    }

    [Theory]
    [InlineData("can you recommend something", true)]
    [InlineData("what should i read next", true)]
    [InlineData("suggest a book", true)]
    [InlineData("subscribe to the newsletter", false)]
    [InlineData("events", false)]
    public async Task The_flow_starts_on_its_intent(string text, bool starts)
    {
        var services = new ReaderBotHarness().Services;
        var flow = services.GetRequiredService<RecommendationFlow>();
        var understood = await services.GetRequiredService<ReaderUnderstanding>().UnderstandAsync(text);
        Assert.Equal(starts, understood.IsConfident && understood.Intent == flow.Intent);
        Assert.Equal(20, flow.Order);
        Assert.Equal("Recommend me a book", flow.MenuTitle);
    }

    private static async Task<List<Activity>> PickOneGenreAsync(BookConversation talk, string genre)
    {
        Assert.Contains("Another genre", BookConversation.Text(await talk.SayAsync(genre)), StringComparison.Ordinal);
        return await talk.SayAsync("done");
    }
}
