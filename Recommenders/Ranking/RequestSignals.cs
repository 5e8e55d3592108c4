using System.Buffers;
using AuthorBot.Recommenders.Content;
using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Ranking;

/// <summary>
/// Every model's raw score for every catalogue item, for one request: the collaborative model (ALS, the reader folded
/// in), the item-to-item model (EASE over what the reader picked up), content similarity to what they liked and the
/// genres they named, popularity (among the readers of those genres, when they named any) and context popularity
/// (part of day, channel). Buffers come from the shared pool and go back on <see cref="Dispose"/>, so a request
/// allocates little beyond its answer.
/// </summary>
internal sealed class RequestSignals : IDisposable
{
    private readonly float[] _collaborative;
    private readonly float[] _itemItem;
    private readonly float[] _content;
    private readonly float[]? _ownPopularity;
    private readonly float[]? _ownContext;
    private readonly bool[] _excluded;

    private RequestSignals(int count)
    {
        Count = count;
        _collaborative = ArrayPool<float>.Shared.Rent(count);
        _itemItem = ArrayPool<float>.Shared.Rent(count);
        _content = ArrayPool<float>.Shared.Rent(count);
        _excluded = ArrayPool<bool>.Shared.Rent(count);
        _ownPopularity = ArrayPool<float>.Shared.Rent(count);
        _ownContext = ArrayPool<float>.Shared.Rent(count);
        Popularity = _ownPopularity;
        Context = _ownContext;
    }

    public int Count { get; }

    public bool HasCollaborative { get; private set; }

    public bool HasItemItem { get; private set; }

    public bool HasContent { get; private set; }

    public bool HasContext { get; private set; }

    /// <summary>True when popularity is among the readers of the named genres rather than overall.</summary>
    public bool PopularityByTag { get; private set; }

    /// <summary>ALS score (reader vector · item vector); NaN for items the model does not know.</summary>
    public Span<float> Collaborative => _collaborative.AsSpan(0, Count);

    public Span<float> ItemItem => _itemItem.AsSpan(0, Count);

    public Span<float> Content => _content.AsSpan(0, Count);

    public float[] Popularity { get; private set; }

    public float[] Context { get; private set; }

    public Span<bool> Excluded => _excluded.AsSpan(0, Count);

    public float[]? ReaderVector { get; private set; }

    public static RequestSignals Compute(
        ServingModel serving, ContentIndex content, ReaderState reader, float[]? readerVector, RecommendationRequest request, float preferredTagWeight)
    {
        var catalog = serving.Catalog;
        var n = catalog.Count;
        var s = new RequestSignals(n);
        var excluded = s.Excluded;
        excluded.Clear();
        foreach (var item in reader.Excluded)
        {
            excluded[item] = true;
        }

        foreach (var id in request.ExcludeItemIds ?? [])
        {
            if (catalog.TryGetIndex(id, out var item))
            {
                excluded[item] = true;
            }
        }

        var model = serving.Model;
        s.ReaderVector = readerVector;
        s.HasCollaborative = readerVector is not null && model?.ItemFactors is not null;
        if (s.HasCollaborative)
        {
            var factors = model!.ItemFactors!;
            if (serving.IdentityMapping)
            {
                factors.ScoreItems(readerVector, s.Collaborative);
            }
            else
            {
                var map = serving.CatalogToModel;
                for (var i = 0; i < n; i++)
                {
                    s._collaborative[i] = map[i] < 0 ? float.NaN : VectorMath.Dot(readerVector, factors.ItemVector(map[i]));
                }
            }
        }

        s.HasItemItem = ScoreItemItem(serving, reader, s.ItemItem);

        var tags = request.PreferredTags ?? [];
        s.HasContent = reader.Strengths.Length > 0 || tags.Count > 0;
        if (s.HasContent)
        {
            var profile = ArrayPool<float>.Shared.Rent(content.TermCount);
            try
            {
                content.FillProfile(reader.Strengths, tags, preferredTagWeight, profile);
                content.Score(profile, s.Content);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(profile);
            }
        }

        s.PopularityByTag = FillPopularity(serving, reader, tags, s._ownPopularity!.AsSpan(0, n));
        if (!s.PopularityByTag)
        {
            s.Popularity = serving.Popularity;
        }

        var context = request.Context ?? RecommendationContext.None;
        var dayPart = context.LocalTime is { } time && model is not null ? serving.DayPart[(int)DayParts.Of(time)] : null;
        var channel = context.Channel is { } c ? serving.Channel(c) : null;
        s.HasContext = dayPart is not null || channel is not null;
        if (dayPart is not null && channel is not null)
        {
            var sum = s._ownContext!.AsSpan(0, n);
            dayPart.AsSpan().CopyTo(sum);
            VectorMath.AddScaled(sum, 1f, channel);
        }
        else if ((dayPart ?? channel) is { } only)
        {
            s.Context = only;
        }
        else
        {
            s._ownContext.AsSpan(0, n).Clear();
        }

        return s;
    }

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(_collaborative);
        ArrayPool<float>.Shared.Return(_itemItem);
        ArrayPool<float>.Shared.Return(_content);
        ArrayPool<bool>.Shared.Return(_excluded);
        ArrayPool<float>.Shared.Return(_ownPopularity!);
        ArrayPool<float>.Shared.Return(_ownContext!);
    }

    private static bool ScoreItemItem(ServingModel serving, ReaderState reader, Span<float> scores)
    {
        scores.Clear();
        if (serving.Model?.ItemItem is not { } itemItem)
        {
            return false;
        }

        var rows = ArrayPool<int>.Shared.Rent(Math.Max(1, reader.Consumed.Length));
        var m = itemItem.Weights.ItemCount;
        var rowScores = ArrayPool<float>.Shared.Rent(m);
        try
        {
            var used = 0;
            foreach (var item in reader.Consumed)
            {
                if (serving.ItemItemRow[item] is var row and >= 0)
                {
                    rows[used++] = row;
                }
            }

            if (used == 0)
            {
                return false;
            }

            itemItem.Weights.ScoreItems(rows.AsSpan(0, used), default, rowScores);
            var map = serving.ItemItemRow;
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = map[i] >= 0 ? rowScores[map[i]] : 0f;
            }

            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
            ArrayPool<float>.Shared.Return(rowScores);
        }
    }

    /// <summary>Popularity among the readers of the named genres, for a reader with no history; false when it does not apply.</summary>
    private static bool FillPopularity(ServingModel serving, ReaderState reader, IReadOnlyCollection<string> tags, Span<float> popularity)
    {
        if (tags.Count == 0 || reader.Strengths.Length > 0)
        {
            return false;
        }

        var any = false;
        popularity.Clear();
        foreach (var tag in tags)
        {
            if (serving.TagPopularity(tag) is { } byTag)
            {
                VectorMath.AddScaled(popularity, 1f, byTag);
                any = true;
            }
        }

        return any;
    }
}
