using AuthorBot.Recommenders.Numerics;
using AuthorBot.Recommenders.Training;

namespace AuthorBot.Recommenders.Tests;

public class ImplicitModelTests
{
    /// <summary>Share of each reader's top-5 (excluding what they were shown) that falls in their hidden block.</summary>
    private static double HiddenHitRate(RatingMatrix train, Dictionary<int, HashSet<int>> hidden, Action<int, float[]> score)
    {
        var scores = new float[train.ItemCount];
        var excluded = new bool[train.ItemCount];
        var top = new int[5];
        double hits = 0;
        for (var u = 0; u < train.UserCount; u++)
        {
            score(u, scores);
            Array.Clear(excluded);
            foreach (var i in train.ItemsOf(u))
            {
                excluded[i] = true;
            }

            var n = TopK.Select(scores, excluded, top);
            hits += top.Take(n).Count(hidden[u].Contains) / (double)n;
        }

        return hits / train.UserCount;
    }

    [Theory]
    [InlineData(LinearSolver.Cholesky)]
    [InlineData(LinearSolver.ConjugateGradient)]
    public void Implicit_ALS_recovers_planted_taste_groups(LinearSolver solver)
    {
        var (train, hidden) = PlantedData.Clusters();
        var model = new ImplicitAlsTrainer(new ImplicitAlsOptions(Factors: 8, Iterations: 10, Regularization: 0.5f, Alpha: 5, Solver: solver, InitialStandardDeviation: 0.1f)).Train(train);

        // A random top-5 would land in the reader's block about 10 of 70 times; the planted structure makes it near certain.
        var rate = HiddenHitRate(train, hidden, (u, s) => model.ScoreItems(model.UserVector(u), s));
        Assert.True(rate > 0.9, $"hit rate {rate}");
    }

    [Fact]
    public void Implicit_ALS_is_deterministic_for_a_seed_whatever_the_thread_count()
    {
        var (train, _) = PlantedData.Clusters(seed: 8);
        var a = new ImplicitAlsTrainer(new ImplicitAlsOptions(Factors: 6, Iterations: 3, Threads: 1)).Train(train);
        var b = new ImplicitAlsTrainer(new ImplicitAlsOptions(Factors: 6, Iterations: 3, Threads: 2)).Train(train);

        Assert.Equal(a.UserFactors.ToArray(), b.UserFactors.ToArray());
    }

    [Fact]
    public void Ease_recovers_planted_taste_groups()
    {
        var (train, hidden) = PlantedData.Clusters();
        var model = new EaseTrainer(new EaseOptions(10)).Train(train);

        var rate = HiddenHitRate(train, hidden, (u, s) => model.ScoreItems(train.ItemsOf(u), default, s));
        Assert.True(rate > 0.9, $"hit rate {rate}");
    }
}
