using AuthorBot.Bot.Recommendations;
using AuthorBot.Bot.Tests.Dialogs;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Recommenders.Interactions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthorBot.Bot.Tests.Recommendations;

public class RecommenderTrainingHostedServiceTests
{
    private static readonly TimeSpan _patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Start_up_trains_and_saves_a_snapshot_and_a_restart_loads_it_instead_of_training()
    {
        using var folder = new TempFolder();
        var options = new RecommendationOptions { DataDirectory = folder.Path, RetrainInterval = TimeSpan.FromDays(1) };
        var trainedAt = ReaderBotHarness.Now;
        await using (var recommender = new ReaderRecommender(options, new FixedClock(trainedAt)))
        {
            await SeedAsync(recommender);
            using var service = new RecommenderTrainingHostedService(recommender, options, TimeProvider.System, NullLogger<RecommenderTrainingHostedService>.Instance);
            await service.StartAsync(CancellationToken.None);
            var model = await service.FirstModel.WaitAsync(_patience);

            Assert.NotNull(model);
            Assert.NotNull(model.ItemFactors);
            Assert.Same(model, recommender.Model);
            Assert.True(File.Exists(options.SnapshotPath));
            await service.StopAsync(CancellationToken.None);
        }

        await using var restarted = new ReaderRecommender(options, new FixedClock(trainedAt.AddDays(3)));
        using var again = new RecommenderTrainingHostedService(restarted, options, TimeProvider.System, NullLogger<RecommenderTrainingHostedService>.Instance);
        await again.StartAsync(CancellationToken.None);
        var loaded = await again.FirstModel.WaitAsync(_patience);
        await again.StopAsync(CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(trainedAt, loaded.CreatedAt);
        Assert.Same(loaded, restarted.Model);
    }

    [Fact]
    public async Task Scheduled_retrain_swaps_in_a_newer_model_and_saves_it()
    {
        using var folder = new TempFolder();
        var options = new RecommendationOptions { DataDirectory = folder.Path, RetrainInterval = TimeSpan.FromMilliseconds(50) };
        await using var recommender = new ReaderRecommender(options, TimeProvider.System);
        await SeedAsync(recommender);
        using var service = new RecommenderTrainingHostedService(recommender, options, TimeProvider.System, NullLogger<RecommenderTrainingHostedService>.Instance);
        await service.StartAsync(CancellationToken.None);
        var first = await service.FirstModel.WaitAsync(_patience);
        var next = await service.NextRetrain.WaitAsync(_patience);
        await service.StopAsync(CancellationToken.None);

        Assert.True(next.Version > first!.Version);
        Assert.True(recommender.Model!.Version >= next.Version);
        var saved = await AuthorBot.Recommenders.Engine.ModelSnapshotFile.LoadAsync(options.SnapshotPath!, CancellationToken.None);
        Assert.True(saved.Version >= next.Version);
    }

    [Fact]
    public async Task Recommendations_are_served_before_any_model_exists()
    {
        await using var recommender = new ReaderRecommender(new RecommendationOptions(), TimeProvider.System);
        var picks = await recommender.RecommendAsync(new("webchat/new", 5, PreferredTags: ["fantasy"]), CancellationToken.None);

        Assert.Null(recommender.Model);
        Assert.Equal(5, picks.Count);
        Assert.All(picks, p => Assert.Contains("fantasy", p.Item.Tags));
    }

    [Fact]
    public void A_bad_retrain_interval_is_a_clear_start_up_error()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Recommendations:RetrainInterval"] = "soon" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddRecommendations(configuration));
        Assert.Contains("Recommendations:RetrainInterval 'soon'", error.Message, StringComparison.Ordinal);
    }

    private static async Task SeedAsync(ReaderRecommender recommender)
    {
        // Enough readers with overlapping tastes for the ALS model to train (the trainer wants a minimum of interactions).
        for (var reader = 0; reader < 12; reader++)
        {
            for (var book = 1; book <= 6; book++)
            {
                var id = (((reader % 3) * 10) + book).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await recommender.RecordAsync(new Interaction($"test/r{reader}", id, InteractionKind.Like, ReaderBotHarness.Now), CancellationToken.None);
            }
        }
    }
}
