using System.Diagnostics;
using System.Globalization;
using AuthorBot.Recommenders.Evaluation;
using AuthorBot.Recommenders.Training;

namespace AuthorBot.RecommenderEval;

/// <summary>RMSE and MAE on ml-100k's official u1..u5 folds.</summary>
internal static class RatingBenchmark
{
    public static void Run(string dataRoot, BiasedMatrixFactorizationOptions mf, TextWriter output, float reg2 = 1f, int knnK = 40, float shrink = 100f, float holdout = 0.1f, SvdPlusPlusOptions? svdppOptions = null, BayesianMatrixFactorizationOptions? bayes = null, string? only = null)
    {
        svdppOptions ??= new SvdPlusPlusOptions();
        bayes ??= new BayesianMatrixFactorizationOptions();
        bool Wanted(string name) => only is null || name.Contains(only, StringComparison.OrdinalIgnoreCase);
        var dir = Path.Combine(dataRoot, "ml-100k");
        var folds = Enumerable.Range(1, 5)
            .Select(k => (Train: MovieLens.Read(Path.Combine(dir, $"u{k}.base")), Test: MovieLens.Read(Path.Combine(dir, $"u{k}.test"))))
            .ToList();

        var results = new Dictionary<string, (List<double> Rmse, List<double> Mae, List<double> Wall, List<double> Cpu)>();
        var loadBefore = LoadAverage();
        var process = Process.GetCurrentProcess();
        var cpuMark = TimeSpan.Zero;
        void Mark()
        {
            process.Refresh();
            cpuMark = process.TotalProcessorTime;
        }

        void Add(string name, int fold, IReadOnlyList<RatingRow> test, Func<int, int, float> predict, TimeSpan time)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuMark;
            var truth = test.Select(r => r.Rating).ToArray();
            var predicted = test.Select(r => Math.Clamp(predict(r.User, r.Item), 1f, 5f)).ToArray();
            if (!results.TryGetValue(name, out var acc))
            {
                acc = ([], [], [], []);
                results[name] = acc;
            }

            acc.Rmse.Add(RatingMetrics.Rmse(truth, predicted));
            acc.Mae.Add(RatingMetrics.Mae(truth, predicted));
            acc.Wall.Add(time.TotalSeconds);
            acc.Cpu.Add(time == TimeSpan.Zero ? 0 : cpu.TotalSeconds);
            _ = fold;
        }

        for (var f = 0; f < folds.Count; f++)
        {
            var train = MovieLens.ToMatrix(folds[f].Train);
            var test = folds[f].Test;
            Add("Global mean", f, test, (_, _) => train.Mean, TimeSpan.Zero);

            Mark();
            var sw = Stopwatch.StartNew();
            var baseline = new BaselineTrainer().Train(train);
            Add("Bias baseline (ALS, λu=15, λi=10, 10 it.)", f, test, baseline.Predict, sw.Elapsed);

            var bayesName = $"Bayesian MF, Gibbs (k={bayes.Factors}, {bayes.BurnIn}+{bayes.Samples} sweeps)";
            if (Wanted(bayesName))
            {
                Mark();
                sw.Restart();
                var sampled = new BayesianMatrixFactorizationTrainer(bayes).Train(train);
                Add(bayesName, f, test, sampled.Predict, sw.Elapsed);
            }

            if (only is not null)
            {
                continue;
            }

            Mark();
            sw.Restart();
            var model = new BiasedMatrixFactorizationTrainer(mf).Train(train);
            Add($"Biased MF (k={mf.Factors}, {mf.Epochs} ep., AdaGrad)", f, test, model.Predict, sw.Elapsed);

            Mark();
            sw.Restart();
            var svdpp = new SvdPlusPlusTrainer(svdppOptions).Train(train);
            Add($"SVD++ (k={svdppOptions.Factors}, {svdppOptions.Epochs} ep.)", f, test, svdpp.Predict, sw.Elapsed);

            Mark();
            sw.Restart();
            var knn = new ItemNeighborhoodTrainer().Train(train);
            Add("Item kNN baseline (k=40, shrink 100)", f, test, knn.Predict, sw.Elapsed);

            Mark();
            sw.Restart();
            var ensemble = new RatingEnsembleTrainer(new RatingEnsembleOptions(mf)).Train(train);
            Add("Ensemble: MF + item kNN", f, test, ensemble.Predict, sw.Elapsed);

            Mark();
            sw.Restart();
            var mf2 = mf with { Factors = mf.Factors * 2, Seed = mf.Seed + 1, Regularization = mf.Regularization * reg2 };
            var big = new RatingEnsembleTrainer(new RatingEnsembleOptions(mf, mf2, new ItemNeighborhoodOptions(knnK, shrink), new ItemNeighborhoodOptions(knnK, shrink), null, holdout)).Train(train);
            Add("Ensemble: 2 MF + item kNN + user kNN", f, test, big.Predict, sw.Elapsed);

            Mark();
            sw.Restart();
            var all = new RatingEnsembleTrainer(new RatingEnsembleOptions(mf, mf2, new ItemNeighborhoodOptions(knnK, shrink), new ItemNeighborhoodOptions(knnK, shrink), svdppOptions, holdout)).Train(train);
            Add("Ensemble: 2 MF + item kNN + user kNN + SVD++", f, test, all.Predict, sw.Elapsed);
        }

        string Seconds(double x) => x.ToString("F2", CultureInfo.InvariantCulture);
        output.WriteLine("ml-100k, official folds u1..u5 (train uK.base, test uK.test); predictions clipped to [1, 5]");
        output.WriteLine($"threads: {Environment.ProcessorCount} logical processors; load average (1, 5, 15 min) before: {loadBefore}, after: {LoadAverage()}");
        output.WriteLine("CPU = process CPU time during training (all threads); wall is inflated whenever the machine is shared");
        output.WriteLine($"{"model",-48} {"RMSE (mean ± sd)",-20} {"MAE (mean ± sd)",-20} {"train wall, 5 folds",20} {"CPU",9}");
        foreach (var (name, r) in results)
        {
            output.WriteLine($"{name,-48} {Stats.Format(r.Rmse),-20} {Stats.Format(r.Mae),-20} {Seconds(r.Wall.Sum()),18} s {Seconds(r.Cpu.Sum()),7} s");
        }

        output.WriteLine();
        output.WriteLine("training time per fold u1..u5, wall / CPU in seconds");
        foreach (var (name, r) in results.Where(r => r.Value.Wall.Sum() > 0))
        {
            output.WriteLine($"{name,-48} {string.Join("  ", r.Wall.Zip(r.Cpu, (w, c) => $"{Seconds(w)}/{Seconds(c)}"))}");
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages where the OS publishes them (Linux), else "n/a".</summary>
    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(", ", File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }
}
