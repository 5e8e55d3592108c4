using AuthorBot.Bot.Tests.Dialogs;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Bot.Tests.Recommendations;

public class RecommendationHistoryStoreTests
{
    private static readonly ReaderKey _jo = new("webchat", "jo");
    private static readonly ReaderKey _sam = new("webchat", "sam");

    [Fact]
    public async Task Feedback_survives_a_restart_in_the_data_folder()
    {
        using var folder = new TempFolder();
        var options = new RecommendationOptions { DataDirectory = folder.Path };
        await using (var recommender = new ReaderRecommender(options, new FixedClock(ReaderBotHarness.Now)))
        {
            await recommender.RecordAsync(Like(_jo, "2"), CancellationToken.None);
            await recommender.RecordAsync(new Interaction(ReaderRecommender.ReaderIdOf(_jo), "1", InteractionKind.NotInterested, ReaderBotHarness.Now), CancellationToken.None);
        }

        await using var reopened = new ReaderRecommender(options, new FixedClock(ReaderBotHarness.Now));
        var history = await reopened.HistoryAsync(ReaderRecommender.ReaderIdOf(_jo), CancellationToken.None);
        Assert.Equal([("2", InteractionKind.Like), ("1", InteractionKind.NotInterested)], history.Select(i => (i.ItemId, i.Kind)));
        var picks = await reopened.RecommendAsync(new(ReaderRecommender.ReaderIdOf(_jo), 20), CancellationToken.None);
        Assert.DoesNotContain(picks, p => p.Item.Id is "1" or "2");
    }

    [Fact]
    public async Task Export_lists_the_readers_feedback_with_titles_and_erase_removes_it_from_the_file()
    {
        using var folder = new TempFolder();
        var options = new RecommendationOptions { DataDirectory = folder.Path };
        await using var recommender = new ReaderRecommender(options, new FixedClock(ReaderBotHarness.Now));
        var store = new RecommendationHistoryStore(recommender);
        await recommender.RecordAsync(Like(_jo, "2"), CancellationToken.None);
        await recommender.RecordAsync(Like(_sam, "3"), CancellationToken.None);
        await recommender.RecordAsync(Like(_jo, "5"), CancellationToken.None);

        var exported = (await store.ExportAsync(_jo, CancellationToken.None))!.AsArray();
        Assert.Equal(2, exported.Count);
        Assert.Equal("2", (string?)exported[0]!["bookId"]);
        Assert.StartsWith("Harry Potter and the Sorcerer's Stone", (string?)exported[0]!["title"], StringComparison.Ordinal);
        Assert.Equal("sounds good", (string?)exported[0]!["feedback"]);

        await store.EraseAsync(_jo, CancellationToken.None);
        await store.EraseAsync(_jo, CancellationToken.None);

        Assert.Null(await store.ExportAsync(_jo, CancellationToken.None));
        var lines = await File.ReadAllLinesAsync(options.InteractionLogPath!);
        Assert.DoesNotContain(lines, l => l.Contains("webchat/jo", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("webchat/sam", StringComparison.Ordinal));
        Assert.NotNull(await store.ExportAsync(_sam, CancellationToken.None));

        // The log keeps working after the rewrite, and what was erased stays gone after a restart.
        await recommender.RecordAsync(Like(_sam, "7"), CancellationToken.None);
        await using var reopened = new ReaderRecommender(options, new FixedClock(ReaderBotHarness.Now));
        Assert.Empty(await reopened.LoggedAsync(ReaderRecommender.ReaderIdOf(_jo), CancellationToken.None));
        Assert.Equal(["3", "7"], (await reopened.HistoryAsync(ReaderRecommender.ReaderIdOf(_sam), CancellationToken.None)).Select(i => i.ItemId));
    }

    [Fact]
    public async Task Erasing_a_reader_does_not_wait_for_a_training_in_progress_and_the_new_model_is_still_served()
    {
        using var folder = new TempFolder();
        var options = new RecommendationOptions { DataDirectory = folder.Path };
        await using var recommender = new ReaderRecommender(options, new FixedClock(ReaderBotHarness.Now));
        var catalog = await recommender.CatalogAsync(CancellationToken.None);
        var random = new Random(7);
        for (var reader = 0; reader < 300; reader++)
        {
            for (var n = 0; n < 25; n++)
            {
                await recommender.RecordAsync(Like(new ReaderKey("webchat", $"r{reader}"), catalog[random.Next(Math.Min(catalog.Count, 400))].Id), CancellationToken.None);
            }
        }

        await recommender.RecordAsync(Like(_jo, "2"), CancellationToken.None);

        // The training gate is taken before RetrainAsync first yields, so the training is under way from here.
        var training = recommender.RetrainAsync(CancellationToken.None);
        Assert.True(await recommender.EraseAsync(ReaderRecommender.ReaderIdOf(_jo), CancellationToken.None));

        // Before, the erase queued behind the whole training inside the reader's turn.
        Assert.False(training.IsCompleted, "the erase waited for the training");
        Assert.Empty(await recommender.LoggedAsync(ReaderRecommender.ReaderIdOf(_jo), CancellationToken.None));
        var model = await training;
        Assert.Same(model, recommender.Model);
        Assert.DoesNotContain(await File.ReadAllLinesAsync(options.InteractionLogPath!), l => l.Contains("webchat/jo", StringComparison.Ordinal));

        // The retired engine's training service is disposed, the new one trains.
        var next = await recommender.RetrainAsync(CancellationToken.None);
        Assert.True(next.Version > model.Version);
        Assert.Same(next, recommender.Model);
    }

    [Fact]
    public async Task The_bot_registers_the_store_so_privacy_requests_reach_it()
    {
        var talk = new BookConversation();
        await talk.SayAsync("recommend");
        await talk.SayAsync("surprise me");
        await talk.SayAsync("already read 1");
        var reader = new ReaderKey("test", "user1");

        var store = Assert.Single(talk.Harness.Services.GetServices<IReaderDataStore>().OfType<RecommendationHistoryStore>());
        var export = (await store.ExportAsync(reader, CancellationToken.None))!.AsArray();
        Assert.Contains(export, r => (string?)r!["feedback"] == "already read");

        // The books shown are data about the reader too: exported with their place in the list, erased with the rest.
        Assert.Equal(RecommendationDialog.ListSize, export.Count(r => (string?)r!["feedback"] == "shown"));
        Assert.Contains(export, r => (string?)r!["feedback"] == "shown" && (int?)r["position"] == 1);
        await store.EraseAsync(reader, CancellationToken.None);
        Assert.Empty(await talk.Recommender.LoggedAsync(talk.ReaderId, CancellationToken.None));
    }

    [Fact]
    public async Task An_unreadable_catalogue_gives_a_clear_reply_not_a_crash()
    {
        var talk = new BookConversation(new ReaderBotHarness(configure: services =>
            services.AddSingleton(new RecommendationOptions { CatalogPath = Path.Combine(Path.GetTempPath(), "no-such-catalogue-" + Guid.NewGuid().ToString("N") + ".csv") })));

        var replies = await talk.SayAsync("recommend");
        Assert.Equal("Sorry, I can't recommend books right now. Please try again later.", BookConversation.Text(replies));
    }

    private static Interaction Like(ReaderKey reader, string bookId) =>
        new(ReaderRecommender.ReaderIdOf(reader), bookId, InteractionKind.Like, ReaderBotHarness.Now, Channel: reader.ChannelId);
}
