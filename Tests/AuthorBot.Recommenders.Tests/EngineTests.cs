using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Recommenders.Tests;

public class EngineTests
{
    private static async Task<RecommenderEngine> TrainedEngine(IEnumerable<Interaction>? extra = null, HybridRankerOptions? options = null)
    {
        var catalog = TestCatalog.Create();
        var log = new InteractionLog();
        foreach (var interaction in TestCatalog.GroupReaders().Concat(extra ?? []))
        {
            await log.AppendAsync(interaction);
        }

        var engine = new RecommenderEngine(catalog, log, options: options);
        engine.SwapModel(RecommenderModelBuilder.Build(catalog, log.Snapshot(), new RecommenderTrainingOptions(), 1, TestCatalog.Noon));
        return engine;
    }

    [Fact]
    public void A_new_reader_with_chosen_genres_gets_books_of_those_genres()
    {
        var engine = new RecommenderEngine(TestCatalog.Create(), new InteractionLog());

        var picks = engine.Recommend(new RecommendationRequest("new", 5, PreferredTags: ["history"]));

        Assert.Equal(5, picks.Count);
        Assert.All(picks, p => Assert.Equal("history", TestCatalog.GenreOf(p.Item.Id)));
        Assert.All(picks, p => Assert.True(
            p.Reason is "Popular in history" or "Matches your interest in history", p.Reason));
    }

    [Fact]
    public void With_no_history_and_no_genres_the_most_popular_books_come_first()
    {
        var engine = new RecommenderEngine(TestCatalog.Create(), new InteractionLog());

        var picks = engine.Recommend(new RecommendationRequest("new", 4));

        // Book 0 of each genre has the most ratings; the author cap keeps one per author, all distinct here.
        Assert.Equal(["fantasy-0", "history-0", "mystery-0", "romance-0"], picks.Select(p => p.Item.Id).Order());
    }

    [Fact]
    public async Task Feedback_changes_the_next_list_at_once_through_fold_in()
    {
        var engine = await TrainedEngine();
        var before = engine.Recommend(new RecommendationRequest("alice", 5));

        foreach (var n in new[] { 3, 5, 8 })
        {
            await engine.RecordAsync(new Interaction("alice", $"mystery-{n}", InteractionKind.Like, TestCatalog.Noon));
        }

        var after = engine.Recommend(new RecommendationRequest("alice", 5));

        Assert.NotEqual(before.Select(p => p.Item.Id), after.Select(p => p.Item.Id));
        Assert.All(after, p => Assert.Equal("mystery", TestCatalog.GenreOf(p.Item.Id)));
        Assert.DoesNotContain(after, p => p.Item.Id is "mystery-3" or "mystery-5" or "mystery-8");
        Assert.Contains(after, p => p.Reason.StartsWith("Because you liked Mystery Book", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_list_shown_does_not_fold_the_reader_in_again_but_new_feedback_does()
    {
        var engine = await TrainedEngine();
        await engine.RecordAsync(new Interaction("alice", "mystery-3", InteractionKind.Like, TestCatalog.Noon));
        var first = engine.Recommend(new RecommendationRequest("alice", 5));
        var folded = engine.FoldIns;

        // What the bot does after every list: the impressions change the log, not what the fold-in solves for.
        await engine.RecordImpressionsAsync("alice", first, TestCatalog.Noon, "webchat");
        var again = engine.Recommend(new RecommendationRequest("alice", 5));

        Assert.Equal(folded, engine.FoldIns);
        Assert.Equal(first.Select(p => p.Item.Id), again.Select(p => p.Item.Id));

        await engine.RecordAsync(new Interaction("alice", "mystery-5", InteractionKind.Like, TestCatalog.Noon));
        var after = engine.Recommend(new RecommendationRequest("alice", 5));

        Assert.Equal(folded + 1, engine.FoldIns);
        Assert.DoesNotContain(after, p => p.Item.Id == "mystery-5");
    }

    [Fact]
    public async Task Collaborative_signal_takes_over_as_history_grows()
    {
        var engine = await TrainedEngine();
        for (var n = 0; n < 8; n++)
        {
            await engine.RecordAsync(new Interaction("bob", $"romance-{n}", InteractionKind.Like, TestCatalog.Noon));
        }

        var picks = engine.Recommend(new RecommendationRequest("bob", 3, PreferredTags: ["fantasy"]));

        // Eight likes outweigh a profile genre chosen long ago: the list follows what bob actually does.
        Assert.All(picks, p => Assert.Equal("romance", TestCatalog.GenreOf(p.Item.Id)));
        Assert.Contains(picks, p => p.Source == RecommendationSource.Collaborative);
    }

    [Fact]
    public async Task Read_and_rejected_books_are_never_recommended()
    {
        var engine = new RecommenderEngine(TestCatalog.Create(), new InteractionLog());
        var first = engine.Recommend(new RecommendationRequest("carol", 4, PreferredTags: ["fantasy"]));
        await engine.RecordAsync(new Interaction("carol", first[0].Item.Id, InteractionKind.AlreadyRead, TestCatalog.Noon));
        await engine.RecordAsync(new Interaction("carol", first[1].Item.Id, InteractionKind.NotInterested, TestCatalog.Noon));
        await engine.RecordAsync(new Interaction("carol", first[2].Item.Id, InteractionKind.Dislike, TestCatalog.Noon));

        var next = engine.Recommend(new RecommendationRequest("carol", 20, PreferredTags: ["fantasy"], ExcludeItemIds: [first[3].Item.Id]));

        Assert.DoesNotContain(next, p => first.Any(f => f.Item.Id == p.Item.Id));
    }

    [Fact]
    public void Diversification_caps_books_per_author_and_series()
    {
        var catalog = new Catalog.BookCatalog(
            Enumerable.Range(0, 6).Select(n => new Catalog.CatalogItem($"saga-{n}", $"Saga {n} (The Saga, #{n + 1})", [$"Writer {n}"], 2000, 4.5f, 100_000 - n, null, ["fantasy"]))
            .Concat(Enumerable.Range(0, 6).Select(n => new Catalog.CatalogItem($"prolific-{n}", $"Standalone {n}", ["Prolific Author"], 2000, 4.5f, 90_000 - n, null, ["fantasy"])))
            .Concat(Enumerable.Range(0, 6).Select(n => new Catalog.CatalogItem($"other-{n}", $"Other {n}", [$"Other {n}"], 2000, 4.0f, 1_000 - n, null, ["fantasy"]))));
        var engine = new RecommenderEngine(catalog, new InteractionLog());

        var picks = engine.Recommend(new RecommendationRequest("dave", 5));

        Assert.Equal(1, picks.Count(p => p.Item.Series == "The Saga"));
        Assert.Equal(1, picks.Count(p => p.Item.PrimaryAuthor == "Prolific Author"));
        Assert.Equal(5, picks.Select(p => p.Item.Id).Distinct().Count());
    }

    [Fact]
    public async Task Time_of_day_context_favours_what_is_popular_at_that_time()
    {
        var evening = new DateTimeOffset(2026, 3, 2, 21, 0, 0, TimeSpan.Zero);
        var morning = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var extra = Enumerable.Range(0, 30).SelectMany(r => new[]
        {
            new Interaction($"night-owl-{r}", "history-10", InteractionKind.Like, evening),
            new Interaction($"early-bird-{r}", "history-11", InteractionKind.Like, morning),
        });
        var engine = await TrainedEngine(extra, new HybridRankerOptions(ContextWeight: 0.5f));

        string Top(DateTimeOffset time) => engine.Recommend(new RecommendationRequest("eve", 1, new RecommendationContext(time), ["history"]))[0].Item.Id;

        Assert.Equal("history-10", Top(evening.AddMinutes(30)));
        Assert.Equal("history-11", Top(morning.AddMinutes(30)));
    }

    [Fact]
    public async Task Explain_names_the_liked_book_behind_a_pick()
    {
        var engine = await TrainedEngine();
        await engine.RecordAsync(new Interaction("erin", "fantasy-2", InteractionKind.Like, TestCatalog.Noon));
        await engine.RecordAsync(new Interaction("erin", "fantasy-4", InteractionKind.Rating, TestCatalog.Noon, Value: 5));

        var reason = engine.Explain("erin", "fantasy-6");

        Assert.NotNull(reason);
        Assert.StartsWith("Because you liked Fantasy Book", reason, StringComparison.Ordinal);
        Assert.Null(engine.Explain("erin", "no-such-book"));
    }

    [Fact]
    public async Task Recording_an_unknown_item_is_refused()
    {
        var engine = new RecommenderEngine(TestCatalog.Create(), new InteractionLog());

        await Assert.ThrowsAsync<ArgumentException>(() => engine.RecordAsync(new Interaction("x", "nope", InteractionKind.Like, TestCatalog.Noon)));
        Assert.Equal(0, engine.Log.Count);
    }
}
