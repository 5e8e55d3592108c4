using AuthorBot.Recommenders.Evaluation;
using AuthorBot.Recommenders.Numerics;
using AuthorBot.Recommenders.Training;

namespace AuthorBot.Recommenders.Tests;

public class BayesianMatrixFactorizationTests
{
    private static double Rmse(Func<int, int, float> predict, List<(int User, int Item, float Rating)> test) =>
        RatingMetrics.Rmse(test.Select(t => t.Rating).ToArray(), test.Select(t => predict(t.User, t.Item)).ToArray());

    [Fact]
    public void Gibbs_sampled_MF_recovers_a_planted_low_rank_matrix_far_better_than_the_bias_baseline()
    {
        var (train, test) = PlantedData.LowRankRatings(seed: 6);
        var model = new BayesianMatrixFactorizationTrainer(new BayesianMatrixFactorizationOptions(Factors: 5, BurnIn: 20, Samples: 40, Threads: 2)).Train(train);

        var baselineRmse = Rmse(new BaselineTrainer().Train(train).Predict, test);
        var rmse = Rmse(model.Predict, test);

        Assert.True(baselineRmse > 0.5, $"the planted interaction term should dominate; baseline RMSE {baselineRmse}");
        Assert.True(rmse < 0.2 * baselineRmse, $"Bayesian MF RMSE {rmse} vs baseline {baselineRmse}");
        Assert.Equal(2 * 5 * 40, model.Factors);
    }

    [Fact]
    public void Gibbs_sampled_MF_depends_on_the_seed_but_not_on_the_thread_count()
    {
        var (train, _) = PlantedData.LowRankRatings(seed: 8);
        var options = new BayesianMatrixFactorizationOptions(Factors: 4, BurnIn: 3, Samples: 4, Seed: 5, Threads: 1);

        var one = new BayesianMatrixFactorizationTrainer(options).Train(train);
        var again = new BayesianMatrixFactorizationTrainer(options).Train(train);
        var two = new BayesianMatrixFactorizationTrainer(options with { Threads = 2 }).Train(train);
        var otherSeed = new BayesianMatrixFactorizationTrainer(options with { Seed = 6 }).Train(train);

        Assert.Equal(one.UserFactors.ToArray(), again.UserFactors.ToArray());
        Assert.Equal(one.UserFactors.ToArray(), two.UserFactors.ToArray());
        Assert.Equal(one.ItemFactors.ToArray(), two.ItemFactors.ToArray());
        Assert.Equal(one.UserBiases.ToArray(), two.UserBiases.ToArray());
        Assert.Equal(one.ItemBiases.ToArray(), two.ItemBiases.ToArray());
        Assert.NotEqual(one.UserFactors.ToArray(), otherSeed.UserFactors.ToArray());
    }

    [Fact]
    public void Gibbs_sampled_MF_gives_a_reader_with_no_ratings_the_mean_plus_item_bias()
    {
        // Reader 2 has no ratings: their draws come from the prior, whose mean the data pulls towards zero, so the
        // prediction for them should sit near the global mean plus the item's bias, not at an extreme.
        var data = new RatingMatrix(3, 2, [0, 0, 1, 1], [0, 1, 0, 1], [2f, 4f, 2f, 4f]);
        var model = new BayesianMatrixFactorizationTrainer(new BayesianMatrixFactorizationOptions(Factors: 2, BurnIn: 20, Samples: 200, Threads: 1)).Train(data);

        Assert.InRange(model.Predict(2, 1) - model.Predict(2, 0), 0.5f, 2.5f);
        Assert.InRange(model.Predict(2, 1), 3f, 5f);
    }

    [Fact]
    public void Options_out_of_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BayesianMatrixFactorizationTrainer(new BayesianMatrixFactorizationOptions(Factors: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BayesianMatrixFactorizationTrainer(new BayesianMatrixFactorizationOptions(Samples: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BayesianMatrixFactorizationTrainer(new BayesianMatrixFactorizationOptions(BurnIn: -1)));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(400.0)]
    public void Gamma_draws_have_the_right_mean_and_variance(double shape)
    {
        var random = new SplitMixRandom(1, 2, 3, 4);
        const int n = 40_000;
        double sum = 0, squares = 0;
        for (var i = 0; i < n; i++)
        {
            var x = random.NextGamma(shape);
            sum += x;
            squares += x * x;
        }

        var mean = sum / n;
        var variance = (squares / n) - (mean * mean);

        // Gamma(shape, 1) has mean and variance equal to the shape; allow five standard errors.
        Assert.InRange(mean, shape - (5 * Math.Sqrt(shape / n)), shape + (5 * Math.Sqrt(shape / n)));
        Assert.InRange(variance / shape, 0.9, 1.1);
    }

    [Fact]
    public void Gaussian_draws_are_standard_normal()
    {
        var random = new SplitMixRandom(9, 0, 0, 0);
        const int n = 40_000;
        double sum = 0, squares = 0;
        var beyondTwo = 0;
        for (var i = 0; i < n; i++)
        {
            var x = random.NextGaussian();
            sum += x;
            squares += x * x;
            beyondTwo += Math.Abs(x) > 2 ? 1 : 0;
        }

        Assert.InRange(sum / n, -0.03, 0.03);
        Assert.InRange(squares / n, 0.97, 1.03);
        Assert.InRange(beyondTwo / (double)n, 0.040, 0.051);
    }
}
