using System.Collections.Concurrent;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Recommenders.Engine;

/// <summary>
/// A snapshot laid over the catalogue for serving: model indices per catalogue item, and every per-item signal that
/// does not depend on the reader precomputed once (popularity prior, popularity by part of day and by channel), so a
/// request only reads arrays. Swapped into the engine as one reference; immutable apart from the channel cache.
/// </summary>
internal sealed class ServingModel
{
    private readonly ConcurrentDictionary<string, float[]> _channelSignal = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, float[]> _tagSignal = new(StringComparer.OrdinalIgnoreCase);

    public ServingModel(RecommenderModel? model, BookCatalog catalog)
    {
        Model = model;
        Catalog = catalog;
        var n = catalog.Count;
        CatalogToModel = new int[n];
        ItemItemRow = new int[n];
        Popularity = new float[n];
        LogModelPopularity = new float[n];
        DayPart = [.. Enumerable.Range(0, DayParts.Count).Select(_ => new float[n])];
        var identity = model is not null && model.ItemIds.Count == n;
        for (var i = 0; i < n; i++)
        {
            var item = catalog[i];
            var m = model is not null && model.TryGetItemIndex(item.Id, out var found) ? found : -1;
            CatalogToModel[i] = m;
            identity &= m == i;
            ItemItemRow[i] = m >= 0 && model!.ItemItem is { } itemItem ? itemItem.RowOf(m) : -1;
            var prior = MathF.Log(1 + item.RatingsCount) + (item.AverageRating is { } r ? 2f * (r - 3.5f) : 0f);
            LogModelPopularity[i] = m >= 0 ? MathF.Log(1 + model!.Popularity[m]) : 0f;
            Popularity[i] = prior + (2f * LogModelPopularity[i]);
            for (var p = 0; p < DayParts.Count; p++)
            {
                DayPart[p][i] = m >= 0 ? MathF.Log(1 + model!.DayPartPopularity((DayPart)p)[m]) : 0f;
            }
        }

        IdentityMapping = identity;
    }

    public RecommenderModel? Model { get; }

    public BookCatalog Catalog { get; }

    /// <summary>Model index of each catalogue item, −1 when the model does not know it.</summary>
    public int[] CatalogToModel { get; }

    /// <summary>True when model index i is catalogue item i (the builder trains in catalogue order), so scores need no mapping.</summary>
    public bool IdentityMapping { get; }

    /// <summary>Row of each catalogue item in the item-to-item model, −1 when it has none.</summary>
    public int[] ItemItemRow { get; }

    /// <summary>The popularity signal: log ratings count and average-rating prior from the catalogue plus twice the log of positive interactions.</summary>
    public float[] Popularity { get; }

    /// <summary>log(1 + positive interactions) per item.</summary>
    public float[] LogModelPopularity { get; }

    /// <summary>log(1 + positive interactions in that part of the day) per item.</summary>
    public float[][] DayPart { get; }

    /// <summary>log(1 + popularity among the readers of a tag) per item, or null when the model has none for it.</summary>
    public float[]? TagPopularity(string tag)
    {
        if (Model is null || Model.TagPopularity(tag).IsEmpty)
        {
            return null;
        }

        return _tagSignal.GetOrAdd(tag, t => Mapped(Model.TagPopularity(t)));
    }

    /// <summary>log(1 + positive interactions on the channel) per item, or null when the channel has none.</summary>
    public float[]? Channel(string channel)
    {
        if (Model is null || Model.ChannelPopularity(channel).IsEmpty)
        {
            return null;
        }

        return _channelSignal.GetOrAdd(channel, c => Mapped(Model.ChannelPopularity(c)));
    }

    private float[] Mapped(ReadOnlySpan<float> counts)
    {
        var signal = new float[CatalogToModel.Length];
        for (var i = 0; i < signal.Length; i++)
        {
            signal[i] = CatalogToModel[i] >= 0 ? MathF.Log(1 + counts[CatalogToModel[i]]) : 0f;
        }

        return signal;
    }
}
