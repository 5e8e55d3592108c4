using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Ranking;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using MlTreeEnsemble = Microsoft.ML.Trainers.FastTree.TreeEnsemble<Microsoft.ML.Trainers.FastTree.RegressionTree>;

namespace AuthorBot.Recommenders.Training;

/// <summary>
/// LambdaRank with ML.NET's LightGbm trainer (rows grouped by reader through a key-typed group column), with the
/// trained trees copied into a <see cref="TreeEnsemble"/> that serves without ML.NET.
/// </summary>
internal static class LightGbmRanker
{
    public static TreeEnsemble Train(RankingData data, LearnedRankerOptions options) => Copy(Fit(new MLContext(options.Seed), data, options).Model.TrainedTreeEnsemble);

    /// <summary>Trains with ML.NET and returns its transformer (the trees are what is served; the transformer checks them).</summary>
    internal static RankingPredictionTransformer<LightGbmRankingModelParameters> Fit(MLContext ml, RankingData data, LearnedRankerOptions options)
    {
        var view = View(ml, data);
        var trainer = ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            RowGroupColumnName = nameof(Row.GroupId),
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            Seed = options.Seed,
            NumberOfThreads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
            Deterministic = true,
            CustomGains = [0, 1, 3, 7],
            EvaluationMetric = LightGbmRankingTrainer.Options.EvaluateMetricType.None,
            Silent = true,
            Verbose = false,
        });
        return trainer.Fit(view);
    }

    /// <summary>The rows as an ML.NET data view: label, key-typed group id (1-based), feature vector.</summary>
    internal static IDataView View(MLContext ml, RankingData data)
    {
        var rows = Enumerable.Range(0, data.Rows).Select(r => new Row { Label = data.Labels[r], GroupId = (uint)data.GroupOf[r] + 1, Features = data.Features[r] });
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.GroupId)].ColumnType = new KeyDataViewType(typeof(uint), (ulong)Math.Max(1, data.Groups));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, RankingFeatures.Count);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>Copies ML.NET's trees into flat arrays, tree weights folded into the leaf values.</summary>
    internal static TreeEnsemble Copy(MlTreeEnsemble ensemble)
    {
        var nodeStarts = new List<int> { 0 };
        var leafStarts = new List<int> { 0 };
        var features = new List<int>();
        var thresholds = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = new List<float>();
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            var weight = ensemble.TreeWeights[t];
            if (tree.CategoricalSplitFlags.Any(c => c))
            {
                throw new NotSupportedException("The ranking features are all numeric; a categorical split cannot be served.");
            }

            features.AddRange(tree.NumericalSplitFeatureIndexes);
            thresholds.AddRange(tree.NumericalSplitThresholds);
            left.AddRange(tree.LeftChild);
            right.AddRange(tree.RightChild);
            leaves.AddRange(tree.LeafValues.Select(v => (float)(v * weight)));
            nodeStarts.Add(features.Count);
            leafStarts.Add(leaves.Count);
        }

        return new TreeEnsemble(RankingFeatures.Count, (float)ensemble.Bias, [.. nodeStarts], [.. leafStarts], [.. features], [.. thresholds], [.. left], [.. right], [.. leaves]);
    }

    private sealed class Row
    {
        public float Label { get; set; }

        public uint GroupId { get; set; }

        public float[] Features { get; set; } = [];
    }
}
