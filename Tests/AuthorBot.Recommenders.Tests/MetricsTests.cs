using AuthorBot.Recommenders.Evaluation;
using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Tests;

public class MetricsTests
{
    [Fact]
    public void Top_k_matches_a_full_sort_and_skips_excluded_items()
    {
        var random = new Random(4);
        var scores = Enumerable.Range(0, 500).Select(_ => (float)random.NextDouble()).ToArray();
        var excluded = scores.Select((_, i) => i % 7 == 0).ToArray();
        var top = new int[10];

        var n = TopK.Select(scores, excluded, top);

        var expected = Enumerable.Range(0, 500).Where(i => !excluded[i]).OrderByDescending(i => scores[i]).Take(10).ToArray();
        Assert.Equal(10, n);
        Assert.Equal(expected, top);
    }

    [Theory]
    [InlineData(10_000, 100, 0)]
    [InlineData(10_000, 60, 1)]
    [InlineData(5_000, 100, 2)]
    [InlineData(10_000, 100, 3)]
    [InlineData(10_000, 100, 4)]
    public void Top_k_over_a_large_catalogue_matches_a_full_sort_with_ties_nan_and_exclusions(int n, int k, int shape)
    {
        var random = new Random(n + k + shape);

        // Shapes: distinct scores; few distinct values (heavy ties); mostly −∞ with a few finite; ascending; signed
        // values with −0 and +0 (equal, so the lower index wins).
        var scores = Enumerable.Range(0, n).Select(i => shape switch
        {
            0 => (float)random.NextDouble(),
            1 => random.Next(20) / 4f,
            2 => i % 97 == 0 ? (float)random.NextDouble() : float.NegativeInfinity,
            3 => i / (float)n,
            _ => random.Next(4) switch { 0 => -0f, 1 => 0f, 2 => -(float)random.NextDouble(), _ => random.Next(50) == 0 ? (float)random.NextDouble() : -0f },
        }).ToArray();
        scores[17] = float.NaN;
        var excluded = scores.Select((_, i) => i % 11 == 0).ToArray();
        var top = new int[k];

        var count = TopK.Select(scores, excluded, top);

        var expected = Enumerable.Range(0, n).Where(i => !excluded[i] && !float.IsNaN(scores[i]))
            .OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).ToArray();
        Assert.Equal(expected.Length, count);
        Assert.Equal(expected, top[..count]);
    }

    [Fact]
    public void Top_k_returns_fewer_when_fewer_candidates_remain()
    {
        var top = new int[5];
        var n = TopK.Select([0.1f, 0.9f, 0.5f], [false, true, false], top);

        Assert.Equal(2, n);
        Assert.Equal([2, 0], top[..n]);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(32)]
    [InlineData(48)]
    public void Scoring_all_items_matches_the_plain_dot_product(int factors)
    {
        var random = new Random(factors);
        float[] Values(int n) => [.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5))];
        var model = new Models.FactorModel(factors, 0, [], Values(300), [], Values(300 * factors));
        var reader = Values(factors);
        var scores = new float[300];

        model.ScoreItems(reader, scores);

        for (var i = 0; i < 300; i++)
        {
            var expected = model.ItemBiases[i] + Enumerable.Range(0, factors).Sum(d => reader[d] * model.ItemVector(i)[d]);
            Assert.Equal(expected, scores[i], 4);
        }
    }

    [Fact]
    public void Ranking_metrics_follow_the_gorse_definitions()
    {
        int[] ranked = [5, 1, 7, 3];
        var relevant = new HashSet<int> { 1, 3, 9 };

        Assert.Equal(0.5, RankingMetrics.Precision(ranked, relevant), 6);
        Assert.Equal(2.0 / 3, RankingMetrics.Recall(ranked, relevant), 6);
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(ranked, relevant), 6);
        Assert.Equal(((1.0 / 2) + (2.0 / 4)) / 3, RankingMetrics.AveragePrecision(ranked, relevant), 6);
        var dcg = (1 / Math.Log2(3)) + (1 / Math.Log2(5));
        var idcg = 1 + (1 / Math.Log2(3)) + (1 / Math.Log2(4));
        Assert.Equal(dcg / idcg, RankingMetrics.Ndcg(ranked, relevant), 6);
        Assert.Equal(1, RankingMetrics.Hit(ranked, 7));
        Assert.Equal(0.5, RankingMetrics.HitNdcg(ranked, 7), 6);
        Assert.Equal(0, RankingMetrics.HitNdcg(ranked, 8));
    }

    [Fact]
    public void Rmse_and_mae_of_known_errors()
    {
        Assert.Equal(Math.Sqrt(2.5), RatingMetrics.Rmse([1f, 2f], [2f, 4f]), 6);
        Assert.Equal(1.5, RatingMetrics.Mae([1f, 2f], [2f, 4f]), 6);
        Assert.Throws<ArgumentException>(() => RatingMetrics.Rmse([], []));
    }
}
