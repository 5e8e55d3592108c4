using System.Globalization;
using AuthorBot.Recommenders.Evaluation;
using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Training;

namespace AuthorBot.RecommenderEval;

/// <summary>
/// Parity check against the ML.NET movie-recommendation tutorial (../shared/data/movielens-mlnet-sample): train on
/// recommendation-ratings-train.csv, score the 19 test rows, skip the one whose movie never appears in training (ML.NET
/// scores it NaN and its evaluator skips it), and report RMSE and R² over the remaining 18, as the tutorial prints them.
/// </summary>
internal static class MlNetParity
{
    private static List<(string User, string Item, float Rating)> Read(string path) =>
        [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => (f[0], f[1], float.Parse(f[2], CultureInfo.InvariantCulture)))];

    public static void Run(string dataRoot, BiasedMatrixFactorizationOptions tuned, TextWriter output)
    {
        var dir = Path.Combine(dataRoot, "movielens-mlnet-sample");
        var train = Read(Path.Combine(dir, "recommendation-ratings-train.csv"));
        var test = Read(Path.Combine(dir, "recommendation-ratings-test.csv"));
        var users = train.Select(r => r.User).Distinct().Select((u, n) => (u, n)).ToDictionary(x => x.u, x => x.n);
        var items = train.Select(r => r.Item).Distinct().Select((i, n) => (i, n)).ToDictionary(x => x.i, x => x.n);
        var matrix = new RatingMatrix(users.Count, items.Count, [.. train.Select(r => users[r.User])], [.. train.Select(r => items[r.Item])], [.. train.Select(r => r.Rating)]);
        var scored = test.Where(r => users.ContainsKey(r.User) && items.ContainsKey(r.Item)).ToList();
        var truth = scored.Select(r => r.Rating).ToArray();
        var mean = truth.Average();
        var variance = truth.Sum(t => (t - mean) * (t - mean)) / truth.Length;

        output.WriteLine($"ML.NET sample parity (movielens-mlnet-sample; {train.Count} training rows; {scored.Count} of {test.Count} test rows scored, population variance {variance.ToString("F5", CultureInfo.InvariantCulture)})");
        output.WriteLine($"{"model",-72} {"RMSE",8} {"R²",8}");
        output.WriteLine($"{"ML.NET MatrixFactorizationTrainer (tutorial's printed result)",-72} {"0.9941",8} {"0.4126",8}");

        void Report(string name, IRatingPredictor model)
        {
            var predicted = scored.Select(r => Math.Clamp(model.Predict(users[r.User], items[r.Item]), 0.5f, 5f)).ToArray();
            var rmse = RatingMetrics.Rmse(truth, predicted);
            output.WriteLine($"{name,-72} {rmse.ToString("F4", CultureInfo.InvariantCulture),8} {(1 - (rmse * rmse / variance)).ToString("F4", CultureInfo.InvariantCulture),8}");
        }

        // ML.NET's settings: rank 100, 20 iterations, learning rate 0.1, λ 0.1 (LIBMF underneath; LIBMF has no biases, ours does).
        Report("Biased MF with the tutorial's settings (k=100, 20 it., lr 0.1, λ 0.1)", new BiasedMatrixFactorizationTrainer(new BiasedMatrixFactorizationOptions(100, 20, 0.1f, 0.1f, 0.1f))
            .Train(matrix));
        Report($"Biased MF, ml-100k-tuned (k={tuned.Factors}, {tuned.Epochs} ep.)", new BiasedMatrixFactorizationTrainer(tuned).Train(matrix));
        Report("Bias baseline", new BaselineTrainer().Train(matrix));
    }
}
