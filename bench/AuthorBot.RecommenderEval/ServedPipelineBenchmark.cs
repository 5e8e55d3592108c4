using System.Diagnostics;
using System.Globalization;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Content;
using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Numerics;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.RecommenderEval;

/// <summary>
/// The pipeline readers get, end to end: ml-100k's ratings go into an <see cref="InteractionLog"/> as the bot records
/// them, <see cref="RecommenderModelBuilder"/> trains the snapshot, and <see cref="RecommenderEngine.Recommend"/> (with
/// its fold-in, blend or learned stage, diversification) answers a request for ten books, as the dialogs ask.
/// Each seed holds out a random fifth of the readers as cold-start readers (never in the log); the other readers'
/// later ratings (time split) are what the lists are judged against. The seed also drives every model's randomness.
/// </summary>
internal static class ServedPipelineBenchmark
{
    public const int ListLength = 10;

    /// <summary>A served configuration: how the snapshot is trained and how the engine ranks.</summary>
    public sealed record Pipeline(string Name, Func<int, RecommenderTrainingOptions> Training, HybridRankerOptions Ranking);

    /// <summary>One seed's split: warm readers' training and held-out ratings, and the cold readers.</summary>
    public sealed record Split(List<RatingRow> Train, List<RatingRow> Test, HashSet<int> ColdReaders, List<RatingRow> ColdTrain, List<RatingRow> ColdTest);

    public static Split MakeSplit(IReadOnlyList<RatingRow> all, int seed, double coldShare = 0.2)
    {
        var readers = all.Select(r => r.User).Distinct().Order().ToArray();
        SeededRandom.Create(seed, 7).Shuffle(readers.AsSpan());
        var cold = readers.Take((int)Math.Round(readers.Length * coldShare)).ToHashSet();
        var (train, test) = TimeSplit.Split(all);
        return new Split(
            [.. train.Where(r => !cold.Contains(r.User))],
            [.. test.Where(r => !cold.Contains(r.User))],
            cold,
            [.. train.Where(r => cold.Contains(r.User))],
            [.. test.Where(r => cold.Contains(r.User))]);
    }

    public static async Task<RecommenderEngine> ServeAsync(
        BookCatalog catalog, IReadOnlyList<RatingRow> train, Pipeline pipeline, int seed, IReadOnlyDictionary<string, ReaderTraits>? traits, TextWriter? timing = null)
    {
        var log = new InteractionLog();
        foreach (var r in train.OrderBy(r => r.Timestamp).ThenBy(r => r.User))
        {
            await log.AppendAsync(ToInteraction(r));
        }

        var sw = Stopwatch.StartNew();
        var model = RecommenderModelBuilder.Build(catalog, log.Snapshot(), pipeline.Training(seed), 1, Time(train.Max(r => r.Timestamp)), traits, pipeline.Ranking);
        timing?.WriteLine($"  {pipeline.Name}: snapshot trained in {sw.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s");
        return new RecommenderEngine(catalog, log, model, pipeline.Ranking);
    }

    public static Interaction ToInteraction(RatingRow r) =>
        new(ReaderId(r.User), MovieLensCatalog.ItemId(r.Item), InteractionKind.Rating, Time(r.Timestamp), r.Rating);

    public static string ReaderId(int user) => "ml/" + user.ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    /// <summary>Warm readers: each asks for ten books at the time of their first held-out rating.</summary>
    public static Result EvaluateWarm(RecommenderEngine engine, IReadOnlyList<RatingRow> heldOut, IReadOnlyDictionary<string, ReaderTraits>? traits)
    {
        var metrics = new ListMetrics(engine.Catalog.Count, engine.Content);
        foreach (var reader in heldOut.GroupBy(r => r.User).OrderBy(g => g.Key))
        {
            var asked = Time(reader.Min(r => r.Timestamp));
            var id = ReaderId(reader.Key);
            var picks = engine.Recommend(new RecommendationRequest(id, ListLength, new RecommendationContext(asked), Reader: traits?.GetValueOrDefault(id)));
            metrics.Add(Indices(engine.Catalog, picks), reader.Select(r => r.Item).ToHashSet());
        }

        return metrics.Result();
    }

    /// <summary>
    /// Cold readers: unknown to the log, they name 0, 1 or 2 genres (their most frequent genres among the ratings of
    /// their training part, what they would say they like) and are judged against their later ratings.
    /// </summary>
    public static Result EvaluateCold(
        RecommenderEngine engine, IReadOnlyList<RatingRow> coldTrain, IReadOnlyList<RatingRow> coldTest, int genres, IReadOnlyDictionary<string, ReaderTraits>? traits)
    {
        var metrics = new ListMetrics(engine.Catalog.Count, engine.Content);
        var history = coldTrain.GroupBy(r => r.User).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var reader in coldTest.GroupBy(r => r.User).OrderBy(g => g.Key))
        {
            var liked = history.GetValueOrDefault(reader.Key) ?? [];
            var tags = liked.SelectMany(r => engine.Catalog[r.Item].Tags)
                .GroupBy(t => t, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(genres)
                .Select(g => g.Key)
                .ToArray();
            var asked = Time(reader.Min(r => r.Timestamp));
            var picks = engine.Recommend(new RecommendationRequest(
                "cold/" + reader.Key.ToString(CultureInfo.InvariantCulture), ListLength, new RecommendationContext(asked), tags, Reader: traits?.GetValueOrDefault(ReaderId(reader.Key))));
            metrics.Add(Indices(engine.Catalog, picks), reader.Select(r => r.Item).ToHashSet());
        }

        return metrics.Result();
    }

    /// <summary>A single model ranking every item the reader has not rated, with no blending or diversification.</summary>
    public static Result EvaluateSingle(RankingBenchmark.Scorer scorer, IReadOnlyList<RatingRow> train, IReadOnlyList<RatingRow> heldOut, ContentIndex content)
    {
        var metrics = new ListMetrics(MovieLens.Items, content);
        var seen = train.GroupBy(r => r.User).ToDictionary(g => g.Key, g => g.Select(r => r.Item).ToArray());
        var scores = new float[MovieLens.Items];
        var excluded = new bool[MovieLens.Items];
        var top = new int[ListLength];
        foreach (var reader in heldOut.GroupBy(r => r.User).OrderBy(g => g.Key))
        {
            scorer(reader.Key, scores);
            Array.Clear(excluded);
            foreach (var i in seen.GetValueOrDefault(reader.Key) ?? [])
            {
                excluded[i] = true;
            }

            var n = TopK.Select(scores, excluded, top);
            metrics.Add(top.AsSpan(0, n), reader.Select(r => r.Item).ToHashSet());
        }

        return metrics.Result();
    }

    private static int[] Indices(BookCatalog catalog, IReadOnlyList<Recommendation> picks) =>
        [.. picks.Select(p => catalog.TryGetIndex(p.Item.Id, out var i) ? i : throw new InvalidOperationException("Unknown item recommended."))];
}
