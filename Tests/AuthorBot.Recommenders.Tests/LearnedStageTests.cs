using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Ranking;
using AuthorBot.Recommenders.Training;
using Microsoft.ML;

namespace AuthorBot.Recommenders.Tests;

/// <summary>The learned ranking stage: when it is trained, what it learns from, and that it serves what ML.NET trained.</summary>
public class LearnedStageTests
{
    private static readonly RecommenderTrainingOptions _options = new(
        Als: new ImplicitAlsOptions(Factors: 8, Iterations: 5, Regularization: 1f, Alpha: 5f, Seed: 3),
        Ranker: new LearnedRankerOptions(Candidates: 30, Trees: 20, Leaves: 7, MinimumExamplesPerLeaf: 5, MinimumReaders: 20, MinimumInteractions: 300, Seed: 5));

    private static readonly string[] _ignored = ["history-38", "history-39"];

    /// <summary>Forty readers per genre, each liking half of their genre's books over an afternoon.</summary>
    private static List<Interaction> Readers() => TestCatalog.GroupReaders(readersPerGenre: 40, seed: 4);

    private static RecommenderModel Build(IReadOnlyList<Interaction> log, RecommenderTrainingOptions? options = null) =>
        RecommenderModelBuilder.Build(TestCatalog.Create(), log, options ?? _options, 1, TestCatalog.Noon);

    private static async Task<RecommenderEngine> Engine(IReadOnlyList<Interaction> log, RecommenderModel model, HybridRankerOptions? ranking = null)
    {
        var interactions = new InteractionLog();
        foreach (var i in log)
        {
            await interactions.AppendAsync(i);
        }

        return new RecommenderEngine(TestCatalog.Create(), interactions, model, ranking);
    }

    [Fact]
    public async Task A_thin_log_trains_no_learned_stage_and_the_blend_serves()
    {
        var thin = Readers().Take(250).ToList();

        var model = Build(thin);
        var engine = await Engine(thin, model);
        var blendOnly = await Engine(thin, model, new HybridRankerOptions(UseLearnedStage: false));
        var reader = thin[0].ReaderId;

        Assert.Null(model.Ranker);
        Assert.NotNull(model.ItemFactors);
        Assert.Equal(
            blendOnly.Recommend(new RecommendationRequest(reader, 5)).Select(p => (p.Item.Id, p.Reason)),
            engine.Recommend(new RecommendationRequest(reader, 5)).Select(p => (p.Item.Id, p.Reason)));
    }

    [Fact]
    public async Task Enough_interactions_train_the_stage_and_a_reader_without_history_still_gets_the_blend()
    {
        var log = Readers();

        var model = Build(log);
        var engine = await Engine(log, model);
        var blendOnly = await Engine(log, model, new HybridRankerOptions(UseLearnedStage: false));

        Assert.NotNull(model.Ranker);
        Assert.NotNull(model.Ranker.Trees);
        Assert.Equal(20, model.Ranker.Trees.TreeCount);
        Assert.Equal(
            blendOnly.Recommend(new RecommendationRequest("newcomer", 5, PreferredTags: ["mystery"])).Select(p => p.Item.Id),
            engine.Recommend(new RecommendationRequest("newcomer", 5, PreferredTags: ["mystery"])).Select(p => p.Item.Id));
        var warm = engine.Recommend(new RecommendationRequest("fantasy-reader-1", 5));
        Assert.All(warm, p => Assert.Equal("fantasy", TestCatalog.GenreOf(p.Item.Id)));
    }

    [Fact]
    public async Task Training_is_deterministic_for_a_seed()
    {
        var log = Readers();

        var first = Build(log);
        var second = Build(log);
        var reseeded = Build(log, _options with { Ranker = _options.Ranker! with { Seed = 6, MaximumReaders = 100 } });

        Assert.Equal(first.Ranker!.Trees!.LeafValues.ToArray(), second.Ranker!.Trees!.LeafValues.ToArray());
        Assert.Equal(first.Ranker.Trees.Thresholds.ToArray(), second.Ranker.Trees.Thresholds.ToArray());
        Assert.Equal(first.ItemFactors!.ItemFactors.ToArray(), second.ItemFactors!.ItemFactors.ToArray());
        Assert.NotEqual(first.Ranker.Trees.LeafValues.ToArray(), reseeded.Ranker!.Trees!.LeafValues.ToArray());
        var a = (await Engine(log, first)).Recommend(new RecommendationRequest("romance-reader-3", 5));
        var b = (await Engine(log, second)).Recommend(new RecommendationRequest("romance-reader-3", 5));
        Assert.Equal(a.Select(p => (p.Item.Id, p.Score, p.Reason)), b.Select(p => (p.Item.Id, p.Score, p.Reason)));
    }

    [Fact]
    public void The_served_trees_score_exactly_as_ml_net_does()
    {
        var data = LearnedRankerTrainer.Collect(TestCatalog.Create(), Readers(), _options, null, new HybridRankerOptions(), CancellationToken.None)!;
        var ml = new MLContext(5);

        var transformer = LightGbmRanker.Fit(ml, data, _options.Ranker!);
        var trees = LightGbmRanker.Copy(transformer.Model.TrainedTreeEnsemble);
        var expected = ml.Data.CreateEnumerable<ScoredRow>(transformer.Transform(LightGbmRanker.View(ml, data)), reuseRowObject: false).Select(r => r.Score).ToArray();

        Assert.Equal(data.Rows, expected.Length);
        Assert.Contains(expected, s => Math.Abs(s - expected[0]) > 1e-3);
        for (var r = 0; r < data.Rows; r++)
        {
            Assert.Equal(expected[r], trees.Score(data.Features[r]), 4);
        }
    }

    [Fact]
    public void Scoring_all_candidates_at_once_equals_ml_net_and_the_one_row_walk()
    {
        var data = LearnedRankerTrainer.Collect(TestCatalog.Create(), Readers(), _options, null, new HybridRankerOptions(), CancellationToken.None)!;
        var ml = new MLContext(5);
        var transformer = LightGbmRanker.Fit(ml, data, _options.Ranker!);
        var trees = LightGbmRanker.Copy(transformer.Model.TrainedTreeEnsemble);
        var expected = ml.Data.CreateEnumerable<ScoredRow>(transformer.Transform(LightGbmRanker.View(ml, data)), reuseRowObject: false).Select(r => r.Score).ToArray();

        // An odd row count exercises both the four-row walk and the rows left over.
        var count = data.Rows - (data.Rows % 4 == 3 ? 0 : (data.Rows % 4) + 1);
        var rows = data.Features.Take(count).SelectMany(f => f).ToArray();
        var scores = new float[count];
        trees.ScoreAll(rows, scores);

        Assert.True(count % 4 == 3 && count > 8);
        for (var r = 0; r < count; r++)
        {
            Assert.Equal(expected[r], scores[r], 4);
            Assert.Equal(trees.Score(data.Features[r]), scores[r]);
        }
    }

    [Fact]
    public void A_feature_groups_lift_equals_the_score_drop_when_its_features_take_the_reference_values()
    {
        var data = LearnedRankerTrainer.Collect(TestCatalog.Create(), Readers(), _options, null, new HybridRankerOptions(), CancellationToken.None)!;
        var trees = LightGbmRanker.Train(data, _options.Ranker!);
        var reference = new float[RankingFeatures.Count];
        for (var f = 0; f < reference.Length; f++)
        {
            reference[f] = data.Features.Average(row => row[f]);
        }

        ulong[] groups = [1UL << RankingFeatures.ContentScore | 1UL << RankingFeatures.ContentRank, 1UL << RankingFeatures.PopularityScore, ulong.MaxValue >> (64 - RankingFeatures.Count)];
        var lifts = new float[groups.Length];
        var nonzero = 0;
        foreach (var row in data.Features.Take(50))
        {
            trees.Lifts(row, reference, groups, lifts);
            for (var g = 0; g < groups.Length; g++)
            {
                var probe = row.ToArray();
                for (var f = 0; f < probe.Length; f++)
                {
                    probe[f] = (groups[g] & (1UL << f)) != 0 ? reference[f] : probe[f];
                }

                Assert.Equal(trees.Score(row) - trees.Score(probe), lifts[g], 4);
                nonzero += Math.Abs(lifts[g]) > 1e-4f ? 1 : 0;
            }
        }

        Assert.True(nonzero > 10, $"only {nonzero} lifts differ from zero");
    }

    [Fact]
    public void The_bit_mask_scores_and_lifts_equal_the_tree_walks_bit_for_bit()
    {
        var data = LearnedRankerTrainer.Collect(TestCatalog.Create(), Readers(), _options, null, new HybridRankerOptions(), CancellationToken.None)!;
        var trees = LightGbmRanker.Train(data, _options.Ranker! with { Trees = 30, Leaves = 31 });
        var rows = data.Features.Take(40).Select(f => f.ToArray()).ToList();

        // Values on a threshold, NaN and infinities take the same branch as the walk's "value <= threshold".
        rows[0][trees.SplitFeatures[0]] = trees.Thresholds[0];
        rows[1][RankingFeatures.BlendScore] = float.NaN;
        rows[2][RankingFeatures.ContentScore] = float.NegativeInfinity;
        rows[3][RankingFeatures.PopularityScore] = float.PositiveInfinity;
        var flat = rows.SelectMany(r => r).ToArray();
        var masked = new float[rows.Count];
        var walked = new float[rows.Count];
        trees.ScoreAll(flat, masked);
        trees.WalkScoreAll(flat, walked);
        Assert.Equal(walked, masked);

        var reference = new float[RankingFeatures.Count];
        for (var f = 0; f < reference.Length; f++)
        {
            reference[f] = data.Features.Average(row => row[f]);
        }

        // Overlapping groups too: a feature in two groups, and one group of every feature.
        ulong[] groups = [1UL << RankingFeatures.ContentScore | 1UL << RankingFeatures.ContentRank, 1UL << RankingFeatures.ContentRank | 1UL << RankingFeatures.BlendScore, ulong.MaxValue >> (64 - RankingFeatures.Count), 0UL];
        var fast = new float[groups.Length];
        var slow = new float[groups.Length];
        foreach (var row in rows)
        {
            trees.Lifts(row, reference, groups, fast);
            trees.WalkLifts(row, reference, groups, slow);
            Assert.Equal(slow, fast);
        }

        Assert.Contains(rows, row => trees.Score(row) != trees.Score(reference));
    }

    [Fact]
    public void A_tree_of_more_than_64_leaves_is_walked_and_scores_the_same()
    {
        // A chain of 70 splits on feature 0 (split n sends values <= n left, to leaf n), so 71 leaves.
        const int splits = 70;
        var features = new int[splits];
        var thresholds = Enumerable.Range(0, splits).Select(n => (float)n).ToArray();
        var left = Enumerable.Range(0, splits).Select(n => ~n).ToArray();
        var right = Enumerable.Range(0, splits).Select(n => n + 1 < splits ? n + 1 : ~splits).ToArray();
        var leaves = Enumerable.Range(0, splits + 1).Select(n => n * 0.5f).ToArray();
        var trees = new TreeEnsemble(2, 1f, [0, splits], [0, splits + 1], features, thresholds, left, right, leaves);
        float[] rows = [-3f, 0f, 0f, 0f, 10.5f, 0f, 69f, 0f, 1000f, 0f];
        var scores = new float[5];

        trees.ScoreAll(rows, scores);

        Assert.Equal([1f, 1f, 1f + 5.5f, 1f + 34.5f, 1f + 35f], scores);
        var lifts = new float[1];
        trees.Lifts([10.5f, 0f], [-3f, 0f], [1UL], lifts);
        Assert.Equal(5.5f, lifts[0]);
    }

    [Fact]
    public void Books_shown_and_ignored_join_the_training_group_as_negatives()
    {
        var catalog = TestCatalog.Create(perGenre: 40);
        var log = TestCatalog.GroupReaders(readersPerGenre: 40, perGenre: 40, seed: 4);
        var options = _options with { Ranker = _options.Ranker! with { Candidates = 25 } };
        var without = LearnedRankerTrainer.Collect(catalog, log, options, null, new HybridRankerOptions(), CancellationToken.None);

        // Every fantasy reader was shown two history books in the window the labels come from, and ignored them.
        var shown = log.Where(i => i.ReaderId.StartsWith("fantasy", StringComparison.Ordinal)).GroupBy(i => i.ReaderId).SelectMany(g => _ignored.Select(book =>
            new Interaction(g.Key, book, InteractionKind.Impression, g.Max(i => i.Timestamp), Channel: "webchat", Position: 0))).ToList();
        var with = LearnedRankerTrainer.Collect(catalog, [.. log, .. shown], options, null, new HybridRankerOptions(), CancellationToken.None);

        Assert.NotNull(without);
        Assert.NotNull(with);
        Assert.Equal(without.Groups, with.Groups);
        var extra = with.Rows - without.Rows;
        Assert.True(extra > 0 && extra % 2 == 0, $"{extra} rows added");
        var zeros = with.Labels.Count(l => l == 0) - without.Labels.Count(l => l == 0);
        Assert.Equal(extra, zeros);
    }

    private sealed class ScoredRow
    {
        public float Score { get; set; }
    }
}
