using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Content;
using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Numerics;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Recommenders.Training;

/// <summary>
/// Trains the learned ranking stage from the interaction log alone. Each reader's latest interactions (a share of
/// them) are the labels; the own models are trained on everything before, propose each reader's candidates exactly as
/// serving does, and <see cref="RankingFeatures"/> describe them. A candidate's label is how much the reader engaged
/// with it afterwards (<see cref="Interaction.Engagement"/>); books shown to the reader in that window and ignored, or
/// rejected, join the group as negatives. Groups are rows of one reader, as LambdaRank needs them.
/// </summary>
internal static class LearnedRankerTrainer
{
    /// <summary>The stage, or null when the log is too thin to learn one (the hand-set blend then serves).</summary>
    public static LearnedRanker? TrainIfEnough(
        BookCatalog catalog, IReadOnlyList<Interaction> interactions, RecommenderTrainingOptions options,
        IReadOnlyDictionary<string, ReaderTraits>? traits, HybridRankerOptions ranking, CancellationToken cancellationToken)
    {
        var data = Collect(catalog, interactions, options, traits, ranking, cancellationToken);
        return data is null ? null : Fit(data, options.EffectiveRanker, cancellationToken);
    }

    /// <summary>Builds the grouped training rows; null when there are too few interactions or readers.</summary>
    public static RankingData? Collect(
        BookCatalog catalog, IReadOnlyList<Interaction> interactions, RecommenderTrainingOptions options,
        IReadOnlyDictionary<string, ReaderTraits>? traits, HybridRankerOptions ranking, CancellationToken cancellationToken)
    {
        var o = options.EffectiveRanker;
        if (interactions.Count < o.MinimumInteractions)
        {
            return null;
        }

        var early = new List<Interaction>(interactions.Count);
        var labelled = new List<(string Reader, List<Interaction> Before, List<Interaction> After)>();
        foreach (var reader in interactions.GroupBy(i => i.ReaderId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var acts = reader.Where(i => i.Kind != InteractionKind.Impression).OrderBy(i => i.Timestamp).ToList();
            var held = acts.Count < 3 ? 0 : Math.Max(1, (int)Math.Round(acts.Count * o.LabelShare));
            if (held == 0)
            {
                early.AddRange(reader);
                continue;
            }

            var from = acts[^held].Timestamp;
            var before = reader.Where(i => i.Timestamp < from).ToList();
            var after = reader.Where(i => i.Timestamp >= from).ToList();
            early.AddRange(before);
            if (before.Any(i => i.Engagement > 0) && after.Any(i => i.Engagement > 0))
            {
                labelled.Add((reader.Key, before, after));
            }
        }

        if (labelled.Count < o.MinimumReaders)
        {
            return null;
        }

        if (labelled.Count > o.MaximumReaders)
        {
            var order = labelled.ToArray();
            SeededRandom.Create(o.Seed, 11).Shuffle(order.AsSpan());
            labelled = [.. order.Take(o.MaximumReaders).OrderBy(l => l.Reader, StringComparer.Ordinal)];
        }

        var earlyModel = RecommenderModelBuilder.BuildModels(catalog, early, options, 0, DateTimeOffset.UnixEpoch, ranker: null, cancellationToken);
        var serving = new ServingModel(earlyModel, catalog);
        var content = new ContentIndex(catalog);
        var ranker = new HybridRanker(catalog, content, ranking with { UseLearnedStage = false });
        var data = new RankingData();
        foreach (var (readerId, before, after) in labelled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reader = new ReaderState(before, catalog);
            var first = after.Where(i => i.Kind != InteractionKind.Impression).MinBy(i => i.Timestamp)!;
            var request = new RecommendationRequest(
                readerId, 10, new RecommendationContext(first.Timestamp, first.Channel), Reader: traits?.GetValueOrDefault(readerId));
            var labels = new Dictionary<int, int>();
            foreach (var interaction in after)
            {
                if (catalog.TryGetIndex(interaction.ItemId, out var item))
                {
                    labels[item] = interaction.Kind is InteractionKind.Dislike or InteractionKind.NotInterested
                        ? 0
                        : Math.Max(labels.GetValueOrDefault(item), interaction.Engagement);
                }
            }

            var vector = FoldIn(earlyModel, serving, reader);
            using var scored = ranker.Score(serving, reader, vector, request);

            // Books shown in the window and then ignored, and books rejected, are negatives even when no model proposed them.
            int[] extra = [.. labels.Where(l => l.Value == 0 && !scored.Signals.Excluded[l.Key]).Select(l => l.Key).Order()];
            using var pool = CandidatePool.Select(scored.Signals, scored.Blend, o.Candidates, extra);
            var rows = new float[pool.Count * RankingFeatures.Count];
            RankingFeatures.Fill(serving, content, reader, request, scored.Signals, scored.Blend, pool, rows);
            var grades = new float[pool.Count];
            for (var c = 0; c < pool.Count; c++)
            {
                grades[c] = labels.GetValueOrDefault(pool.Items[c]);
            }

            if (grades.Any(g => g > 0))
            {
                data.Add(rows, grades);
            }
        }

        return data.Groups < o.MinimumReaders ? null : data;
    }

    /// <summary>Trains the chosen ML.NET trainer on the rows.</summary>
    public static LearnedRanker Fit(RankingData data, LearnedRankerOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return options.Trainer == RankerTrainer.FieldAwareFactorizationMachine
            ? new LearnedRanker(FactorizationMachineRanker.Train(data, options), "ML.NET field-aware factorization machine", options.Candidates)
            : new LearnedRanker(LightGbmRanker.Train(data, options), options.Candidates);
    }

    private static float[]? FoldIn(RecommenderModel model, ServingModel serving, ReaderState reader)
    {
        var known = reader.Strengths.Where(s => serving.CatalogToModel[s.Item] >= 0).ToArray();
        return model.FoldIn([.. known.Select(s => serving.CatalogToModel[s.Item])], [.. known.Select(s => s.Strength)]);
    }
}
