using AuthorBot.Understanding.Intents;

namespace AuthorBot.Bot.Tests.Dialogs;

/// <summary>The trained classifier is kept on disk under the hash of its inputs and loaded, not retrained, on the next start.</summary>
public class IntentModelSnapshotTests
{
    private static readonly IntentExample[] _examples =
    [
        new("greeting", "hello"), new("greeting", "hi there"), new("greeting", "good morning"), new("greeting", "hey"),
        new("goodbye", "bye"), new("goodbye", "see you later"), new("goodbye", "goodbye for now"), new("goodbye", "take care"),
        new("thanks", "thank you"), new("thanks", "thanks a lot"), new("thanks", "cheers"), new("thanks", "much appreciated"),
    ];

    [Fact]
    public void A_second_start_loads_the_saved_model_and_scores_exactly_as_the_trained_one()
    {
        using var folder = new TempFolder();
        var options = new IntentTrainingOptions();
        var trained = new IntentModelCache(folder.Path).GetOrTrain(_examples, options);
        var path = new IntentModelCache(folder.Path).SnapshotPath(IntentModelCache.Hash(_examples, options))!;
        Assert.True(File.Exists(path));
        var written = File.GetLastWriteTimeUtc(path);

        var loaded = new IntentModelCache(folder.Path).GetOrTrain(_examples, options);

        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Equal(trained.Intents, loaded.Intents);
        foreach (var text in new[] { "hello there", "thanks so much", "bye bye", "see you" })
        {
            Assert.Equal(trained.Classify(text), loaded.Classify(text), (a, b) => a.Best == b.Best && a.RunnerUp == b.RunnerUp);
        }
    }

    [Fact]
    public void Changed_examples_train_a_new_model_and_replace_the_old_snapshot()
    {
        using var folder = new TempFolder();
        var options = new IntentTrainingOptions();
        var cache = new IntentModelCache(folder.Path);
        cache.GetOrTrain(_examples, options);
        IntentExample[] more = [.. _examples, new("thanks", "ta very much")];

        new IntentModelCache(folder.Path).GetOrTrain(more, options);

        var file = Assert.Single(Directory.GetFiles(folder.Path));
        Assert.Equal(cache.SnapshotPath(IntentModelCache.Hash(more, options)), file);
    }
}
