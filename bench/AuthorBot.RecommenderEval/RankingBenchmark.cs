using System.Diagnostics;
using System.Globalization;
using AuthorBot.Recommenders.Evaluation;
using AuthorBot.Recommenders.Numerics;
using AuthorBot.Recommenders.Training;

namespace AuthorBot.RecommenderEval;

/// <summary>
/// Top-10 ranking on ml-100k with gorse's ranking-benchmark protocol (example/benchmark_ranking/main.go and
/// core/evaluator.go): every rating is a positive interaction, 5-fold cross-validation, for each reader with test
/// items the model ranks every item not in their training data, and the metrics are averaged over readers, then folds.
/// Like gorse's KFoldSplitter the ratings are shuffled and cut into five equal folds; the official u1..u5 folds are not
/// used here because each of their test sets covers only part of the readers (u1.test holds readers 1..462 only).
/// </summary>
internal static class RankingBenchmark
{
    /// <summary>Fills one score per item for a reader.</summary>
    public delegate void Scorer(int user, Span<float> scores);

    public sealed record Model(string Name, Func<RatingMatrix, Scorer> Train);

    public static IReadOnlyList<Model> Models(ImplicitAlsOptions als, EaseOptions ease) =>
    [
        new("ItemPop", train =>
        {
            var pop = new float[train.ItemCount];
            for (var i = 0; i < pop.Length; i++)
            {
                pop[i] = train.UsersOf(i).Length;
            }

            return (_, scores) => pop.CopyTo(scores);
        }),
        new($"WRMF / implicit ALS (k={als.Factors}, α={als.Alpha.ToString(CultureInfo.InvariantCulture)}, λ={als.Regularization.ToString(CultureInfo.InvariantCulture)}, {als.Iterations} it., {(als.Solver == LinearSolver.Cholesky ? "Cholesky" : "CG")})", train =>
        {
            var model = new ImplicitAlsTrainer(als).Train(train);
            return (u, scores) => model.ScoreItems(model.UserVector(u), scores);
        }),
        new($"EASE^R (λ={ease.Regularization.ToString(CultureInfo.InvariantCulture)})", train =>
        {
            var model = new EaseTrainer(ease).Train(train);
            return (u, scores) => model.ScoreItems(train.ItemsOf(u), default, scores);
        }),
    ];

    public static List<(List<RatingRow> Train, List<RatingRow> Test)> RandomFolds(List<RatingRow> rows, int k, int seed)
    {
        var order = rows.ToArray();
        new Random(seed).Shuffle(order);
        var folds = new List<(List<RatingRow>, List<RatingRow>)>();
        for (var f = 0; f < k; f++)
        {
            var start = order.Length * f / k;
            var end = order.Length * (f + 1) / k;
            folds.Add(([.. order[..start], .. order[end..]], [.. order[start..end]]));
        }

        return folds;
    }

    public static void Run(string dataRoot, IReadOnlyList<Model> models, TextWriter output)
    {
        var folds = RandomFolds(MovieLens.Read(Path.Combine(dataRoot, "ml-100k", "u.data")), 5, seed: 0);
        output.WriteLine("ml-100k top-10 ranking, gorse protocol (all ratings positive; random 5-fold split of u.data, seed 0; rank all items not in the reader's training data)");
        output.WriteLine($"{"model",-48} {"Precision@10",-18} {"Recall@10",-18} {"MAP@10",-18} {"NDCG@10",-18} {"MRR@10",-18} {"time",8}");
        foreach (var model in models)
        {
            var metrics = Enumerable.Range(0, 5).Select(_ => new List<double>()).ToArray();
            var sw = Stopwatch.StartNew();
            foreach (var (trainRows, testRows) in folds)
            {
                var train = MovieLens.ToMatrix(trainRows, value: _ => 1f);
                var scorer = model.Train(train);
                var candidates = new bool[MovieLens.Items];
                foreach (var r in trainRows.Concat(testRows))
                {
                    candidates[r.Item] = true;
                }

                var targets = testRows.GroupBy(r => r.User).ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(r => r.Item).ToHashSet());
                var sums = new double[5];
                var scores = new float[MovieLens.Items];
                var excluded = new bool[MovieLens.Items];
                var top = new int[10];
                foreach (var (user, relevant) in targets.OrderBy(t => t.Key))
                {
                    scorer(user, scores);
                    for (var i = 0; i < excluded.Length; i++)
                    {
                        excluded[i] = !candidates[i];
                    }

                    foreach (var i in train.ItemsOf(user))
                    {
                        excluded[i] = true;
                    }

                    var n = TopK.Select(scores, excluded, top);
                    var ranked = top.AsSpan(0, n);
                    sums[0] += RankingMetrics.Precision(ranked, relevant);
                    sums[1] += RankingMetrics.Recall(ranked, relevant);
                    sums[2] += RankingMetrics.AveragePrecision(ranked, relevant);
                    sums[3] += RankingMetrics.Ndcg(ranked, relevant);
                    sums[4] += RankingMetrics.ReciprocalRank(ranked, relevant);
                }

                for (var m = 0; m < 5; m++)
                {
                    metrics[m].Add(sums[m] / targets.Count);
                }
            }

            output.WriteLine($"{model.Name,-48} {string.Join(" ", metrics.Select(m => Stats.Format(m, "F5").PadRight(18)))} {sw.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),6} s");
        }

        output.WriteLine("gorse's published table (its own random folds): ItemPop NDCG@10 0.21785, KNN 0.34746, BPR 0.37643, WRMF 0.41614.");
    }
}
