using System.Diagnostics;
using System.Globalization;
using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;
using AuthorBot.Recommenders.Training;

namespace AuthorBot.RecommenderEval;

/// <summary>
/// Times training the learned stage on the served pipeline's training data (the test split's training part, seed 0):
/// building the groups (the own models retrained on each reader's earlier interactions, candidates and features) and
/// fitting LightGbm, wall and process CPU time, with the load average around it.
/// </summary>
internal static class LearnedStageTiming
{
    public static async Task RunAsync(string dataRoot, RecommenderTrainingOptions options, int repeats, TextWriter output)
    {
        var all = MovieLens.Read(Path.Combine(dataRoot, "ml-100k", "u.data"));
        var split = ServedPipelineBenchmark.MakeSplit(all, 0);
        var catalog = MovieLensCatalog.Create(dataRoot, split.Train);
        var log = new InteractionLog();
        foreach (var r in split.Train.OrderBy(r => r.Timestamp).ThenBy(r => r.User))
        {
            await log.AppendAsync(ServedPipelineBenchmark.ToInteraction(r));
        }

        var interactions = log.Snapshot();
        var ranker = options.EffectiveRanker;
        output.WriteLine($"learned stage on {interactions.Count} interactions, {ranker.Trees} trees × {ranker.Leaves} leaves, {(ranker.Threads > 0 ? ranker.Threads : Environment.ProcessorCount)} LightGbm threads, {Environment.ProcessorCount} logical processors");
        var process = Process.GetCurrentProcess();
        for (var n = 0; n < repeats; n++)
        {
            var load = ServedReport.LoadAverage();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var data = LearnedRankerTrainer.Collect(catalog, interactions, options, traits: null, new HybridRankerOptions(), CancellationToken.None)
                ?? throw new InvalidOperationException("Too little data for a learned stage.");
            var collect = sw.Elapsed;
            process.Refresh();
            var cpu1 = process.TotalProcessorTime;
            sw.Restart();
            _ = LearnedRankerTrainer.Fit(data, ranker, CancellationToken.None);
            var fit = sw.Elapsed;
            process.Refresh();
            var cpu2 = process.TotalProcessorTime;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {n + 1}: {data.Groups} groups, {data.Rows} rows; groups (early models + candidates + features) {collect.TotalSeconds:F2} s wall / {(cpu1 - cpu0).TotalSeconds:F2} s CPU; LightGbm fit {fit.TotalSeconds:F2} s wall / {(cpu2 - cpu1).TotalSeconds:F2} s CPU; total {(collect + fit).TotalSeconds:F2} s wall; load average before {load}, after {ServedReport.LoadAverage()}"));
        }
    }
}
