using AuthorBot.Recommenders.Evaluation;
using AuthorBot.Recommenders.Training;

namespace AuthorBot.Recommenders.Tests;

public class MatrixFactorizationTests
{
    private static double Rmse(Func<int, int, float> predict, List<(int User, int Item, float Rating)> test) =>
        RatingMetrics.Rmse(test.Select(t => t.Rating).ToArray(), test.Select(t => predict(t.User, t.Item)).ToArray());

    [Fact]
    public void Biased_MF_recovers_a_planted_low_rank_matrix_far_better_than_the_bias_baseline()
    {
        var (train, test) = PlantedData.LowRankRatings();
        var baseline = new BaselineTrainer().Train(train);
        var mf = new BiasedMatrixFactorizationTrainer(new BiasedMatrixFactorizationOptions(Factors: 8, Epochs: 120, LearningRate: 0.05f, Regularization: 0.01f, Threads: 2)).Train(train);

        var baselineRmse = Rmse(baseline.Predict, test);
        var mfRmse = Rmse(mf.Predict, test);

        Assert.True(baselineRmse > 0.5, $"the planted interaction term should dominate; baseline RMSE {baselineRmse}");
        Assert.True(mfRmse < 0.25 * baselineRmse, $"MF RMSE {mfRmse} vs baseline {baselineRmse}");
    }

    [Fact]
    public void Biased_MF_is_deterministic_for_a_seed_and_thread_count()
    {
        var (train, _) = PlantedData.LowRankRatings(seed: 5);
        var options = new BiasedMatrixFactorizationOptions(Factors: 8, Epochs: 5, Threads: 2, Seed: 11);

        var a = new BiasedMatrixFactorizationTrainer(options).Train(train);
        var b = new BiasedMatrixFactorizationTrainer(options).Train(train);
        var c = new BiasedMatrixFactorizationTrainer(options with { Seed = 12 }).Train(train);

        Assert.Equal(a.UserFactors.ToArray(), b.UserFactors.ToArray());
        Assert.Equal(a.ItemFactors.ToArray(), b.ItemFactors.ToArray());
        Assert.Equal(a.ItemBiases.ToArray(), b.ItemBiases.ToArray());
        Assert.NotEqual(a.UserFactors.ToArray(), c.UserFactors.ToArray());
    }

    [Fact]
    public void Bias_baseline_finds_the_item_that_is_rated_higher()
    {
        // Two readers, two items: item 1 is rated two points above item 0 by both.
        var data = new RatingMatrix(2, 2, [0, 0, 1, 1], [0, 1, 0, 1], [2f, 4f, 3f, 5f]);
        var model = new BaselineTrainer(new BaselineOptions(0, 0, 20)).Train(data);

        Assert.Equal(3.5f, model.GlobalMean);
        Assert.Equal(2f, model.ItemBiases[1] - model.ItemBiases[0], 3);
        Assert.Equal(1f, model.UserBiases[1] - model.UserBiases[0], 3);
    }

    [Fact]
    public void Ensemble_is_at_least_as_accurate_as_its_factor_model_on_planted_data()
    {
        var (train, test) = PlantedData.LowRankRatings(users: 150, items: 100, seed: 9);
        var mfOptions = new BiasedMatrixFactorizationOptions(Factors: 8, Epochs: 60, Regularization: 0.02f, Threads: 1);
        var mf = new BiasedMatrixFactorizationTrainer(mfOptions).Train(train);
        var ensemble = new RatingEnsembleTrainer(new RatingEnsembleOptions(mfOptions)).Train(train);

        Assert.True(Rmse(ensemble.Predict, test) <= Rmse(mf.Predict, test) * 1.05);
    }

    [Fact]
    public void Svd_plus_plus_recovers_a_planted_low_rank_matrix_and_is_deterministic()
    {
        var (train, test) = PlantedData.LowRankRatings(seed: 4);
        var options = new SvdPlusPlusOptions(Factors: 8, Epochs: 80, LearningRate: 0.02f, Regularization: 0.01f);
        var model = new SvdPlusPlusTrainer(options).Train(train);
        var again = new SvdPlusPlusTrainer(options).Train(train);

        var baselineRmse = Rmse(new BaselineTrainer().Train(train).Predict, test);
        Assert.True(Rmse(model.Predict, test) < 0.35 * baselineRmse, $"SVD++ {Rmse(model.Predict, test)} vs baseline {baselineRmse}");
        Assert.Equal(test.Select(t => model.Predict(t.User, t.Item)), test.Select(t => again.Predict(t.User, t.Item)));
    }

    [Fact]
    public void Rating_matrix_rejects_out_of_range_entries()
    {
        Assert.Throws<ArgumentException>(() => new RatingMatrix(2, 2, [0, 2], [0, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new RatingMatrix(2, 2, [0], [0, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new RatingMatrix(2, 2, [0], [0], [float.NaN]));
    }
}
