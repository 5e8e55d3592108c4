using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Numerics;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Recommenders.Engine;

/// <summary>
/// An immutable trained snapshot: item vectors of the implicit ALS model (readers are folded in on demand, so the
/// snapshot carries no reader rows), EASE item-to-item weights over the most read items, overall popularity,
/// popularity per part of day, per channel and among the readers of each genre, and the learned ranking stage.
/// Swapped into <see cref="RecommenderEngine"/> as a whole; never edited.
/// </summary>
public sealed class RecommenderModel
{
    private readonly string[] _itemIds;
    private readonly Dictionary<string, int> _itemIndex;
    private readonly float[] _popularity;
    private readonly float[][] _dayPartPopularity;
    private readonly Dictionary<string, float[]> _channelPopularity;
    private readonly Dictionary<string, float[]> _tagPopularity;
    private readonly double[]? _gram;

    /// <summary>Creates a snapshot. All arrays are per item, aligned with <paramref name="itemIds"/>.</summary>
    /// <exception cref="ArgumentException">An array's length does not match the item count.</exception>
    public RecommenderModel(
        long version,
        DateTimeOffset createdAt,
        IReadOnlyList<string> itemIds,
        FactorModel? itemFactors,
        float regularization,
        float alpha,
        float[] popularity,
        float[][] dayPartPopularity,
        IReadOnlyDictionary<string, float[]> channelPopularity,
        ItemItemModel? itemItem = null,
        IReadOnlyDictionary<string, float[]>? tagPopularity = null,
        LearnedRanker? ranker = null)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(popularity);
        ArgumentNullException.ThrowIfNull(dayPartPopularity);
        ArgumentNullException.ThrowIfNull(channelPopularity);
        var n = itemIds.Count;
        if (popularity.Length != n || dayPartPopularity.Length != DayParts.Count || dayPartPopularity.Any(p => p.Length != n)
            || channelPopularity.Values.Any(p => p.Length != n) || (itemFactors is not null && itemFactors.ItemCount != n)
            || (tagPopularity?.Values.Any(p => p.Length != n) ?? false) || (itemItem is not null && itemItem.ModelItemCount != n))
        {
            throw new ArgumentException("Every per-item array must have one entry per item id.", nameof(itemIds));
        }

        Version = version;
        CreatedAt = createdAt;
        _itemIds = [.. itemIds];
        _itemIndex = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (!_itemIndex.TryAdd(_itemIds[i], i))
            {
                throw new ArgumentException($"Duplicate item id '{_itemIds[i]}'.", nameof(itemIds));
            }
        }

        ItemFactors = itemFactors;
        Regularization = regularization;
        Alpha = alpha;
        _popularity = popularity;
        _dayPartPopularity = dayPartPopularity;
        _channelPopularity = new Dictionary<string, float[]>(channelPopularity, StringComparer.OrdinalIgnoreCase);
        _tagPopularity = new Dictionary<string, float[]>(tagPopularity ?? new Dictionary<string, float[]>(), StringComparer.OrdinalIgnoreCase);
        ItemItem = itemItem;
        Ranker = ranker;
        _gram = itemFactors is null ? null : ImplicitLeastSquares.Gram(itemFactors.ItemFactors, itemFactors.Factors);
    }

    /// <summary>Increasing version number of the snapshot.</summary>
    public long Version { get; }

    /// <summary>When it was trained.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The item ids the model knows, in model index order.</summary>
    public IReadOnlyList<string> ItemIds => _itemIds;

    /// <summary>The ALS model (item side), or null when there was no interaction to learn from.</summary>
    public FactorModel? ItemFactors { get; }

    /// <summary>EASE weights over the most read items, or null when there was too little to learn from.</summary>
    public ItemItemModel? ItemItem { get; }

    /// <summary>The learned ranking stage, or null while there are too few interactions to train one (the hand-set blend serves).</summary>
    public LearnedRanker? Ranker { get; }

    /// <summary>Genres with their own popularity among their readers.</summary>
    public IEnumerable<string> Tags => _tagPopularity.Keys;

    /// <summary>λ the ALS model was trained with; fold-in uses the same.</summary>
    public float Regularization { get; }

    /// <summary>α the ALS model was trained with; fold-in uses the same.</summary>
    public float Alpha { get; }

    /// <summary>Positive interactions per item.</summary>
    public ReadOnlySpan<float> Popularity => _popularity;

    /// <summary>Channels with their own popularity counts.</summary>
    public IEnumerable<string> Channels => _channelPopularity.Keys;

    /// <summary>Model index of an item id.</summary>
    public bool TryGetItemIndex(string itemId, out int index) => _itemIndex.TryGetValue(itemId, out index);

    /// <summary>Positive interactions per item in a part of the day.</summary>
    public ReadOnlySpan<float> DayPartPopularity(DayPart part) => _dayPartPopularity[(int)part];

    /// <summary>Positive interactions per item on a channel (empty when the channel is unknown).</summary>
    public ReadOnlySpan<float> ChannelPopularity(string channel) =>
        _channelPopularity.TryGetValue(channel, out var p) ? p : ReadOnlySpan<float>.Empty;

    /// <summary>
    /// Popularity among the readers of a genre (each reader counts with the share of their liked books in it), per
    /// item; empty when the genre is unknown.
    /// </summary>
    public ReadOnlySpan<float> TagPopularity(string tag) =>
        _tagPopularity.TryGetValue(tag, out var p) ? p : ReadOnlySpan<float>.Empty;

    /// <summary>
    /// Folds a reader into the model without retraining: solves their weighted least-squares problem with the
    /// item vectors fixed (exactly the reader half-step of ALS). <paramref name="items"/> are model indices.
    /// </summary>
    public float[]? FoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> strengths)
    {
        if (ItemFactors is null || _gram is null || items.Length == 0)
        {
            return null;
        }

        var k = ItemFactors.Factors;
        var vector = new float[k];
        ImplicitLeastSquares.SolveCholesky(ItemFactors.ItemFactors, k, _gram, items, strengths, Regularization, Alpha, new double[k * k], vector);
        return vector;
    }
}
