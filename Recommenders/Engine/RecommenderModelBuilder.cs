using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Ranking;
using AuthorBot.Recommenders.Training;

namespace AuthorBot.Recommenders.Engine;

/// <summary>Turns a catalogue and a log snapshot into a <see cref="RecommenderModel"/>.</summary>
public static class RecommenderModelBuilder
{
    /// <summary>Trains the own models (ALS, EASE, popularity) and, when there is enough data, the learned ranking stage.</summary>
    public static RecommenderModel Build(
        BookCatalog catalog, IReadOnlyList<Interaction> interactions, RecommenderTrainingOptions options, long version, DateTimeOffset createdAt,
        CancellationToken cancellationToken = default) =>
        Build(catalog, interactions, options, version, createdAt, traits: null, ranking: null, cancellationToken);

    /// <summary>
    /// Trains the own models and the learned stage. <paramref name="traits"/> are readers' demographics by reader id
    /// where known; <paramref name="ranking"/> are the engine's ranking options (the blend is one of the stage's inputs).
    /// </summary>
    public static RecommenderModel Build(
        BookCatalog catalog, IReadOnlyList<Interaction> interactions, RecommenderTrainingOptions options, long version, DateTimeOffset createdAt,
        IReadOnlyDictionary<string, ReaderTraits>? traits, HybridRankerOptions? ranking, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);
        var ranker = options.LearnedStage
            ? LearnedRankerTrainer.TrainIfEnough(catalog, interactions, options, traits, ranking ?? new HybridRankerOptions(), cancellationToken)
            : null;
        return BuildModels(catalog, interactions, options, version, createdAt, ranker, cancellationToken);
    }

    /// <summary>Aggregates interactions per (reader, item), trains implicit ALS and EASE, and counts popularity.</summary>
    internal static RecommenderModel BuildModels(
        BookCatalog catalog, IReadOnlyList<Interaction> interactions, RecommenderTrainingOptions options, long version, DateTimeOffset createdAt,
        LearnedRanker? ranker, CancellationToken cancellationToken)
    {
        var n = catalog.Count;
        var popularity = new float[n];
        var dayParts = Enumerable.Range(0, DayParts.Count).Select(_ => new float[n]).ToArray();
        var channels = new Dictionary<string, float[]>(StringComparer.OrdinalIgnoreCase);
        var readers = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new Dictionary<(int Reader, int Item), float>();
        var engaged = new HashSet<(int Reader, int Item)>();
        foreach (var interaction in interactions)
        {
            if (interaction.Kind == InteractionKind.Impression || !catalog.TryGetIndex(interaction.ItemId, out var item))
            {
                continue;
            }

            if (!readers.TryGetValue(interaction.ReaderId, out var reader))
            {
                readers[interaction.ReaderId] = reader = readers.Count;
            }

            cells[(reader, item)] = cells.GetValueOrDefault((reader, item)) + interaction.Strength;
            if (interaction.Engagement > 0)
            {
                engaged.Add((reader, item));
            }

            if (interaction.Strength > 0)
            {
                popularity[item] += 1;
                dayParts[(int)DayParts.Of(interaction.Timestamp)][item] += 1;
                if (!string.IsNullOrEmpty(interaction.Channel))
                {
                    if (!channels.TryGetValue(interaction.Channel, out var perChannel))
                    {
                        channels[interaction.Channel] = perChannel = new float[n];
                    }

                    perChannel[item] += 1;
                }
            }
        }

        var als = options.EffectiveAls;
        var entries = cells.Where(c => c.Value != 0).OrderBy(c => c.Key.Reader).ThenBy(c => c.Key.Item).ToArray();
        FactorModel? factors = null;
        var enough = entries.Length >= Math.Max(1, options.MinimumInteractions);
        if (enough)
        {
            var matrix = new RatingMatrix(
                readers.Count,
                n,
                [.. entries.Select(e => e.Key.Reader)],
                [.. entries.Select(e => e.Key.Item)],
                [.. entries.Select(e => Math.Clamp(e.Value, -4f, 4f))]);
            factors = new ImplicitAlsTrainer(als).Train(matrix, cancellationToken);
        }

        // Picked up and not clearly disliked: what "readers who read this also read" is made of.
        var consumed = engaged.Where(e => cells.GetValueOrDefault(e) > -1f).OrderBy(e => e.Reader).ThenBy(e => e.Item).ToArray();
        var itemItem = enough ? TrainItemItem(n, readers.Count, consumed, options, cancellationToken) : null;
        var tagPopularity = TagPopularity(catalog, consumed);
        return new RecommenderModel(
            version,
            createdAt,
            [.. catalog.Items.Select(i => i.Id)],
            factors,
            als.Regularization,
            als.Alpha,
            popularity,
            dayParts,
            channels,
            itemItem,
            tagPopularity,
            ranker);
    }

    private static ItemItemModel? TrainItemItem(int itemCount, int readerCount, (int Reader, int Item)[] consumed, RecommenderTrainingOptions options, CancellationToken cancellationToken)
    {
        var counts = new int[itemCount];
        foreach (var (_, item) in consumed)
        {
            counts[item]++;
        }

        // The most read items, at least two readers each (a book one reader read says nothing about the others).
        var active = Enumerable.Range(0, itemCount)
            .Where(i => counts[i] >= 2)
            .OrderByDescending(i => counts[i])
            .ThenBy(i => i)
            .Take(Math.Max(0, options.ItemItemMaxItems))
            .Order()
            .ToArray();
        if (active.Length < 2)
        {
            return null;
        }

        var row = new int[itemCount];
        Array.Fill(row, -1);
        for (var r = 0; r < active.Length; r++)
        {
            row[active[r]] = r;
        }

        var kept = consumed.Where(c => row[c.Item] >= 0).ToArray();
        var matrix = new RatingMatrix(readerCount, active.Length, [.. kept.Select(c => c.Reader)], [.. kept.Select(c => row[c.Item])], [.. kept.Select(_ => 1f)]);
        var weights = new EaseTrainer(options.EffectiveEase).Train(matrix, cancellationToken);
        return new ItemItemModel(active, weights, itemCount);
    }

    /// <summary>For each genre, every reader's books counted with the share of that reader's books in the genre.</summary>
    private static Dictionary<string, float[]> TagPopularity(BookCatalog catalog, (int Reader, int Item)[] consumed)
    {
        var byTag = new Dictionary<string, float[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var reader in consumed.GroupBy(c => c.Reader))
        {
            var items = reader.Select(c => c.Item).ToArray();
            var shares = new Dictionary<string, float>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in items)
            {
                foreach (var tag in catalog[item].Tags)
                {
                    shares[tag] = shares.GetValueOrDefault(tag) + (1f / items.Length);
                }
            }

            foreach (var (tag, share) in shares)
            {
                if (!byTag.TryGetValue(tag, out var counts))
                {
                    byTag[tag] = counts = new float[catalog.Count];
                }

                foreach (var item in items)
                {
                    counts[item] += share;
                }
            }
        }

        return byTag;
    }
}
