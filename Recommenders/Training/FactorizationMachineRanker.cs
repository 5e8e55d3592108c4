using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Ranking;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AuthorBot.Recommenders.Training;

/// <summary>
/// ML.NET's field-aware factorization machine as a ranking stage, for comparison with LambdaRank: a binary classifier
/// (did the reader pick the candidate up?) over the same features, split into four fields (the models' scores and
/// ranks, the item, the reader and context, the reader-item match), each min-max scaled. Served through an ML.NET
/// prediction engine, so it is measured offline and never written into a snapshot.
/// </summary>
internal sealed class FactorizationMachineRanker : IFeatureScorer
{
    private static readonly int[][] _fields =
    [
        [RankingFeatures.CollaborativeScore, RankingFeatures.CollaborativeRank, RankingFeatures.ItemItemScore, RankingFeatures.ItemItemRank,
            RankingFeatures.ContentScore, RankingFeatures.ContentRank, RankingFeatures.PopularityScore, RankingFeatures.PopularityRank,
            RankingFeatures.BlendScore, RankingFeatures.BlendRank],
        [RankingFeatures.AverageRating, RankingFeatures.LogRatingsCount, RankingFeatures.ItemAgeYears, RankingFeatures.ContextPopularity, RankingFeatures.LogInteractions],
        [RankingFeatures.HistoryLength, RankingFeatures.NegativeCount, RankingFeatures.ConsumedCount, RankingFeatures.DaysSinceLastInteraction,
            RankingFeatures.TimesShown, RankingFeatures.ReaderAge, RankingFeatures.ReaderGender, RankingFeatures.DayPartOfRequest],
        [RankingFeatures.GenreOverlap, RankingFeatures.NamedGenreMatches, RankingFeatures.AuthorRead, RankingFeatures.RecentItemItem, RankingFeatures.RecentContent],
    ];

    private readonly Lock _gate = new();
    private readonly PredictionEngine<Row, Prediction> _engine;
    private readonly Row _row = new();

    private FactorizationMachineRanker(PredictionEngine<Row, Prediction> engine) => _engine = engine;

    public int FeatureCount => RankingFeatures.Count;

    public static FactorizationMachineRanker Train(RankingData data, LearnedRankerOptions options)
    {
        var ml = new MLContext(options.Seed);
        var schema = Schema();
        var rows = Enumerable.Range(0, data.Rows).Select(r => Split(data.Features[r], data.Labels[r] > 0));
        var view = ml.Data.LoadFromEnumerable(rows, schema);
        var names = new[] { nameof(Row.Models), nameof(Row.Item), nameof(Row.Reader), nameof(Row.Match) };
        var pipeline = ml.Transforms.NormalizeMinMax(nameof(Row.Models))
            .Append(ml.Transforms.NormalizeMinMax(nameof(Row.Item)))
            .Append(ml.Transforms.NormalizeMinMax(nameof(Row.Reader)))
            .Append(ml.Transforms.NormalizeMinMax(nameof(Row.Match)))
            .Append(ml.BinaryClassification.Trainers.FieldAwareFactorizationMachine(new FieldAwareFactorizationMachineTrainer.Options
            {
                FeatureColumnName = names[0],
                ExtraFeatureColumns = names[1..],
                LabelColumnName = nameof(Row.Label),
                NumberOfIterations = Math.Max(1, options.Trees / 15),
                LatentDimension = 8,
                LearningRate = options.LearningRate * 2,
                NormalizeFeatures = false,
                Shuffle = true,
            }));
        var model = pipeline.Fit(view);
        return new FactorizationMachineRanker(ml.Model.CreatePredictionEngine<Row, Prediction>(model, inputSchemaDefinition: schema));
    }

    public float Score(ReadOnlySpan<float> features)
    {
        lock (_gate)
        {
            Fill(_row, features, false);
            return _engine.Predict(_row).Score;
        }
    }

    private static Row Split(float[] features, bool label)
    {
        var row = new Row();
        Fill(row, features, label);
        return row;
    }

    private static void Fill(Row row, ReadOnlySpan<float> features, bool label)
    {
        row.Label = label;
        row.Models = Pick(features, _fields[0]);
        row.Item = Pick(features, _fields[1]);
        row.Reader = Pick(features, _fields[2]);
        row.Match = Pick(features, _fields[3]);
    }

    private static float[] Pick(ReadOnlySpan<float> features, int[] indices)
    {
        var values = new float[indices.Length];
        for (var n = 0; n < indices.Length; n++)
        {
            values[n] = features[indices[n]];
        }

        return values;
    }

    private static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Models)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _fields[0].Length);
        schema[nameof(Row.Item)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _fields[1].Length);
        schema[nameof(Row.Reader)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _fields[2].Length);
        schema[nameof(Row.Match)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _fields[3].Length);
        return schema;
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Models { get; set; } = [];

        public float[] Item { get; set; } = [];

        public float[] Reader { get; set; } = [];

        public float[] Match { get; set; } = [];
    }

    private sealed class Prediction
    {
        public float Score { get; set; }
    }
}
