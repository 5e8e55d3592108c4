using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Recommenders.Tests;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "authorbot-rec-" + Guid.NewGuid().ToString("N"));

    public SnapshotTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RecommenderModel Model(long version = 3)
    {
        var log = TestCatalog.GroupReaders().Select(i => i with { Channel = "webchat" }).ToList();
        return RecommenderModelBuilder.Build(TestCatalog.Create(), log, new RecommenderTrainingOptions(), version, TestCatalog.Noon);
    }

    [Fact]
    public async Task Save_and_load_round_trip_keeps_every_value()
    {
        var model = Model();
        var path = Path.Combine(_dir, "model.bin");

        await ModelSnapshotFile.SaveAsync(model, path);
        var loaded = await ModelSnapshotFile.LoadAsync(path);

        Assert.Equal(model.Version, loaded.Version);
        Assert.Equal(model.CreatedAt, loaded.CreatedAt);
        Assert.Equal(model.ItemIds, loaded.ItemIds);
        Assert.Equal(model.ItemFactors!.ItemFactors.ToArray(), loaded.ItemFactors!.ItemFactors.ToArray());
        Assert.Equal(model.Popularity.ToArray(), loaded.Popularity.ToArray());
        Assert.Equal(model.DayPartPopularity(DayPart.Afternoon).ToArray(), loaded.DayPartPopularity(DayPart.Afternoon).ToArray());
        Assert.Equal(model.ChannelPopularity("webchat").ToArray(), loaded.ChannelPopularity("webchat").ToArray());
        Assert.Equal((model.Regularization, model.Alpha), (loaded.Regularization, loaded.Alpha));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public async Task Truncated_foreign_and_future_files_are_refused_clearly()
    {
        var path = Path.Combine(_dir, "model.bin");
        await ModelSnapshotFile.SaveAsync(Model(), path);
        var bytes = await File.ReadAllBytesAsync(path);

        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
        await Assert.ThrowsAsync<InvalidDataException>(() => ModelSnapshotFile.LoadAsync(path));

        await File.WriteAllTextAsync(path, "not a model at all");
        await Assert.ThrowsAsync<InvalidDataException>(() => ModelSnapshotFile.LoadAsync(path));

        var future = (byte[])bytes.Clone();
        future[4] = 99;
        await File.WriteAllBytesAsync(path, future);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => ModelSnapshotFile.LoadAsync(path));
        Assert.Contains("format 99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Training_service_trains_saves_swaps_and_reloads()
    {
        var path = Path.Combine(_dir, "snap", "model.bin");
        var log = new InteractionLog();
        foreach (var i in TestCatalog.GroupReaders())
        {
            await log.AppendAsync(i);
        }

        var engine = new RecommenderEngine(TestCatalog.Create(), log);
        using var service = new RecommenderTrainingService(engine, path);

        var first = await service.EnsureModelAsync(CancellationToken.None);
        Assert.Same(first, engine.Model);
        Assert.True(File.Exists(path));
        var second = await service.RetrainAsync(CancellationToken.None);
        Assert.Equal(first.Version + 1, second.Version);
        Assert.Same(second, engine.Model);

        var fresh = new RecommenderEngine(TestCatalog.Create(), new InteractionLog());
        using var reloading = new RecommenderTrainingService(fresh, path);
        var loaded = await reloading.EnsureModelAsync(CancellationToken.None);
        Assert.Equal(second.Version, loaded.Version);
        Assert.Same(loaded, fresh.Model);
    }

    [Fact]
    public async Task Interaction_log_file_survives_a_reopen_and_a_torn_last_line()
    {
        var path = Path.Combine(_dir, "log.jsonl");
        await using (var log = await InteractionLog.OpenAsync(path))
        {
            await log.AppendAsync(new Interaction("r1", "fantasy-1", InteractionKind.Like, TestCatalog.Noon, Channel: "webchat"));
            await log.AppendAsync(new Interaction("r1", "fantasy-2", InteractionKind.Rating, TestCatalog.Noon, Value: 4));
        }

        await File.AppendAllTextAsync(path, "{\"readerId\":\"r2\",\"ite");
        await using var reopened = await InteractionLog.OpenAsync(path);

        Assert.Equal(2, reopened.Count);
        Assert.Equal(1, reopened.SkippedLines);
        Assert.Equal(InteractionKind.Rating, reopened.ForReader("r1")[1].Kind);
        Assert.Equal(4f, reopened.ForReader("r1")[1].Value);
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("\"ite", text, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"Rating\"", text, StringComparison.Ordinal);
    }
}
