using System.Globalization;
using AuthorBot.Recommenders.Evaluation;
using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.RecommenderEval;

/// <summary>
/// Leave-one-out on ml-100k: each reader's latest rating (by timestamp, ties to the higher item id) is held out, the
/// model trains on the rest as positive interactions, and the held-out item is ranked against every item the reader
/// has not interacted with (no sampled negatives). Reports HR@10 and NDCG@10.
/// </summary>
internal static class LeaveOneOutBenchmark
{
    public static void Run(string dataRoot, IReadOnlyList<RankingBenchmark.Model> models, TextWriter output)
    {
        var all = MovieLens.Read(Path.Combine(dataRoot, "ml-100k", "u.data"));
        var heldOut = all.GroupBy(r => r.User)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Timestamp).ThenByDescending(r => r.Item).First());
        var train = MovieLens.ToMatrix([.. all.Where(r => heldOut[r.User] != r)], value: _ => 1f);
        output.WriteLine("ml-100k leave-one-out (latest rating per reader held out; ranked against all unseen items)");
        output.WriteLine($"{"model",-48} {"HR@10",8} {"NDCG@10",8}");
        foreach (var model in models)
        {
            var scorer = model.Train(train);
            var scores = new float[MovieLens.Items];
            var excluded = new bool[MovieLens.Items];
            var top = new int[10];
            double hr = 0, ndcg = 0;
            foreach (var (user, row) in heldOut.OrderBy(h => h.Key))
            {
                scorer(user, scores);
                Array.Clear(excluded);
                foreach (var i in train.ItemsOf(user))
                {
                    excluded[i] = true;
                }

                var n = TopK.Select(scores, excluded, top);
                hr += RankingMetrics.Hit(top.AsSpan(0, n), row.Item);
                ndcg += RankingMetrics.HitNdcg(top.AsSpan(0, n), row.Item);
            }

            output.WriteLine($"{model.Name,-48} {(hr / heldOut.Count).ToString("F4", CultureInfo.InvariantCulture),8} {(ndcg / heldOut.Count).ToString("F4", CultureInfo.InvariantCulture),8}");
        }
    }
}
