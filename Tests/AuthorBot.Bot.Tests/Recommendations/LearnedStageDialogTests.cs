using System.Globalization;
using AuthorBot.Bot.Tests.Dialogs;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Bot.Tests.Recommendations;

/// <summary>Readers talking to the bot get the learned ranking stage once the log is rich enough, and what they are shown is logged.</summary>
public class LearnedStageDialogTests
{
    private static readonly DateTimeOffset _asked = new(2026, 11, 23, 20, 15, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task With_enough_readers_the_bot_trains_the_learned_stage_serves_its_order_and_logs_the_impressions()
    {
        var talk = new BookConversation();
        var catalog = await talk.CatalogAsync();
        var log = GenreReaders(catalog);
        var mine = MyLikes(catalog, talk.ReaderId);
        foreach (var interaction in log.Concat(mine))
        {
            await talk.Recommender.RecordAsync(interaction, CancellationToken.None);
        }

        var model = await talk.Recommender.RetrainAsync(CancellationToken.None);

        Assert.NotNull(model.Ranker?.Trees);
        var request = new RecommendationRequest(talk.ReaderId, RecommendationDialog.ListSize, new RecommendationContext(_asked, "test"), [], []);
        var learned = (await EngineAsync(catalog, [.. log, .. mine], model, learnedStage: true)).Recommend(request).Select(p => p.Item.Id).ToList();
        var blend = (await EngineAsync(catalog, [.. log, .. mine], model, learnedStage: false)).Recommend(request).Select(p => p.Item.Id).ToList();
        Assert.NotEqual(blend, learned);

        var replies = await talk.SayAsync("recommend", _asked);
        if (BookConversation.Text(replies).Contains("Which genres", StringComparison.Ordinal))
        {
            replies = await talk.SayAsync("surprise me", _asked);
        }

        var shown = BookConversation.BookIds(BookConversation.Carousel(replies));
        Assert.Equal(learned, shown);
        var impressions = (await talk.Recommender.LoggedAsync(talk.ReaderId, CancellationToken.None)).Where(i => i.Kind == InteractionKind.Impression).ToList();
        Assert.Equal(shown, impressions.Select(i => i.ItemId));
        Assert.Equal(Enumerable.Range(0, shown.Count), impressions.Select(i => i.Position!.Value));
        Assert.All(impressions, i => Assert.Equal("test", i.Channel));
        Assert.Equal(mine.Count, (await talk.Recommender.HistoryAsync(talk.ReaderId, CancellationToken.None)).Count);
        Assert.All(BookConversation.Cards(BookConversation.Carousel(replies)), c => Assert.DoesNotContain(" on test", c.Text, StringComparison.Ordinal));
    }

    /// <summary>Ten readers for each of six genres, each liking ten of that genre's books on consecutive days.</summary>
    private static List<Interaction> GenreReaders(BookCatalog catalog)
    {
        var random = new Random(7);
        var genres = catalog.Tags.OrderByDescending(t => catalog.Items.Count(b => b.Tags.Contains(t))).Take(6).ToList();
        var log = new List<Interaction>();
        foreach (var genre in genres)
        {
            var books = catalog.Items.Where(b => b.Tags.Contains(genre)).Select(b => b.Id).ToList();
            for (var r = 0; r < 10; r++)
            {
                var reader = $"seed/{genre}-{r.ToString(CultureInfo.InvariantCulture)}";
                var start = ReaderBotHarness.Now.AddDays(-30);
                foreach (var (id, day) in books.OrderBy(_ => random.Next()).Take(10).Select((id, day) => (id, day)))
                {
                    log.Add(new Interaction(reader, id, InteractionKind.Like, start.AddDays(day), Channel: "webchat"));
                }
            }
        }

        return log;
    }

    private static List<Interaction> MyLikes(BookCatalog catalog, string readerId) =>
        [.. catalog.Items.Where(b => b.Tags.Contains("fantasy")).Take(3).Select((b, n) => new Interaction(readerId, b.Id, InteractionKind.Like, ReaderBotHarness.Now.AddDays(-2 + n)))];

    private static async Task<RecommenderEngine> EngineAsync(BookCatalog catalog, IReadOnlyList<Interaction> interactions, RecommenderModel model, bool learnedStage)
    {
        var log = new InteractionLog();
        foreach (var interaction in interactions)
        {
            await log.AppendAsync(interaction);
        }

        return new RecommenderEngine(catalog, log, model, new HybridRankerOptions(UseLearnedStage: learnedStage));
    }
}
