using System.Buffers;
using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Ranking;

/// <summary>
/// The candidates the learned stage re-ranks: the best items of each model taken in turn (the blend's first, then the
/// item-to-item model's, the collaborative model's, content's and popularity's, then each one's second, ...) until the
/// pool is full, with each candidate's rank in every model's list (the pool size when it is not in that list).
/// </summary>
internal sealed class CandidatePool : IDisposable
{
    public const int Sources = 5;

    private readonly int[] _items;
    private readonly float[] _ranks;

    private CandidatePool(int size, int capacity)
    {
        Size = size;
        _items = ArrayPool<int>.Shared.Rent(capacity);
        _ranks = ArrayPool<float>.Shared.Rent(capacity * Sources);
    }

    /// <summary>The pool's capacity, also the rank given to an item outside a model's list.</summary>
    public int Size { get; }

    public int Count { get; private set; }

    /// <summary>The candidates (catalogue indices), in the order they were taken.</summary>
    public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

    /// <summary>A candidate's rank in one source's list (0 = its best), or <see cref="Size"/> when it is not in it.</summary>
    public float Rank(int candidate, CandidateSource source) => _ranks[(candidate * Sources) + (int)source];

    /// <summary>Takes <paramref name="size"/> candidates, then appends <paramref name="extra"/> items not already in (training adds the books shown or rejected).</summary>
    public static CandidatePool Select(RequestSignals signals, ReadOnlySpan<float> blend, int size, ReadOnlySpan<int> extra = default)
    {
        var pool = new CandidatePool(size, size + extra.Length);
        var lists = ArrayPool<int>.Shared.Rent(size * Sources);
        Span<int> lengths = stackalloc int[Sources];

        // Each catalogue item's slot in the pool (−1: not in it); a pooled map rather than a per-request dictionary.
        var slots = ArrayPool<int>.Shared.Rent(signals.Count);
        slots.AsSpan(0, signals.Count).Fill(-1);
        try
        {
            for (var source = 0; source < Sources; source++)
            {
                ReadOnlySpan<float> scores = (CandidateSource)source switch
                {
                    CandidateSource.Blend => blend,
                    CandidateSource.ItemItem when signals.HasItemItem => signals.ItemItem,
                    CandidateSource.Collaborative when signals.HasCollaborative => signals.Collaborative,
                    CandidateSource.Content when signals.HasContent => signals.Content,
                    CandidateSource.Popularity => signals.Popularity.AsSpan(0, signals.Count),
                    _ => default,
                };
                lengths[source] = scores.IsEmpty ? 0 : TopK.Select(scores, signals.Excluded, lists.AsSpan(source * size, size));
            }

            for (var position = 0; position < size && pool.Count < size; position++)
            {
                for (var source = 0; source < Sources && pool.Count < size; source++)
                {
                    if (position < lengths[source] && slots[lists[(source * size) + position]] < 0)
                    {
                        slots[lists[(source * size) + position]] = pool.Count;
                        pool._items[pool.Count++] = lists[(source * size) + position];
                    }
                }
            }

            foreach (var item in extra)
            {
                if (slots[item] < 0)
                {
                    slots[item] = pool.Count;
                    pool._items[pool.Count++] = item;
                }
            }

            pool._ranks.AsSpan(0, pool.Count * Sources).Fill(size);
            for (var source = 0; source < Sources; source++)
            {
                for (var position = 0; position < lengths[source]; position++)
                {
                    if (slots[lists[(source * size) + position]] is var at and >= 0)
                    {
                        pool._ranks[(at * Sources) + source] = position;
                    }
                }
            }

            return pool;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(lists);
            ArrayPool<int>.Shared.Return(slots);
        }
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_items);
        ArrayPool<float>.Shared.Return(_ranks);
    }
}
