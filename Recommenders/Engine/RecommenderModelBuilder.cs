using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;
using AuthorBot.Recommenders.Training;

namespace AuthorBot.Recommenders.Engine;

/// <summary>Turns a catalogue and a log snapshot into a <see cref="RecommenderModel"/>.</summary>
public static class RecommenderModelBuilder
{
    /// <summary>Aggregates interactions per (reader, item), trains implicit ALS and counts popularity.</summary>
    public static RecommenderModel Build(
        BookCatalog catalog, IReadOnlyList<Interaction> interactions, RecommenderTrainingOptions options, long version, DateTimeOffset createdAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);
        var n = catalog.Count;
        var popularity = new float[n];
        var dayParts = Enumerable.Range(0, DayParts.Count).Select(_ => new float[n]).ToArray();
        var channels = new Dictionary<string, float[]>(StringComparer.OrdinalIgnoreCase);
        var readers = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new Dictionary<(int Reader, int Item), float>();
        foreach (var interaction in interactions)
        {
            if (!catalog.TryGetIndex(interaction.ItemId, out var item))
            {
                continue;
            }

            if (!readers.TryGetValue(interaction.ReaderId, out var reader))
            {
                readers[interaction.ReaderId] = reader = readers.Count;
            }

            cells[(reader, item)] = cells.GetValueOrDefault((reader, item)) + interaction.Strength;
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
        Models.FactorModel? factors = null;
        if (entries.Length >= Math.Max(1, options.MinimumInteractions))
        {
            var matrix = new RatingMatrix(
                readers.Count,
                n,
                [.. entries.Select(e => e.Key.Reader)],
                [.. entries.Select(e => e.Key.Item)],
                [.. entries.Select(e => Math.Clamp(e.Value, -4f, 4f))]);
            factors = new ImplicitAlsTrainer(als).Train(matrix, cancellationToken);
        }

        return new RecommenderModel(
            version,
            createdAt,
            [.. catalog.Items.Select(i => i.Id)],
            factors,
            als.Regularization,
            als.Alpha,
            popularity,
            dayParts,
            channels);
    }
}
