using System.Buffers;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Recommenders.Ranking;

/// <summary>
/// A reader's history condensed for ranking: net strength per catalogue item, what to exclude, what they liked most
/// recently, the authors and genres they like, and how often each book was shown to them. Impressions carry no
/// strength; they only count as "shown".
/// </summary>
internal sealed class ReaderState
{
    /// <summary>How many of the latest liked items the recency features look at.</summary>
    public const int RecentCount = 3;

    public ReaderState(IReadOnlyList<Interaction> interactions, BookCatalog catalog)
    {
        // Built once per request from the reader's log, so from sorted arrays rather than sets and dictionaries: each
        // interaction becomes a key (item, position in the log), and one sort groups an item's interactions in log
        // order, which keeps every per-item sum in the order the log gives it.
        var count = interactions.Count;
        var keys = ArrayPool<long>.Shared.Rent(Math.Max(1, count));
        var shownKeys = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
        var events = 0;
        var impressions = 0;
        DateTimeOffset? last = null;
        try
        {
            for (var n = 0; n < count; n++)
            {
                var interaction = interactions[n];
                if (!catalog.TryGetIndex(interaction.ItemId, out var item))
                {
                    continue;
                }

                if (interaction.Kind == InteractionKind.Impression)
                {
                    shownKeys[impressions++] = item;
                    continue;
                }

                keys[events++] = ((long)item << 32) | (uint)n;
                last = last is { } l && l > interaction.Timestamp ? l : interaction.Timestamp;
            }

            keys.AsSpan(0, events).Sort();
            (ShownItems, ShownCounts) = RunLengths(shownKeys.AsSpan(0, impressions));
            var strengths = new List<(int, float)>(events);
            var excluded = new List<int>();
            var consumed = new List<int>();
            var lastSeen = new List<DateTimeOffset>();
            for (var start = 0; start < events;)
            {
                var item = (int)(keys[start] >> 32);
                var end = start;
                float sum = 0;
                var excludes = false;
                var engaged = false;
                DateTimeOffset seen = default;
                for (; end < events && (int)(keys[end] >> 32) == item; end++)
                {
                    var interaction = interactions[(int)(uint)keys[end]];
                    sum += interaction.Strength;
                    seen = interaction.Timestamp;
                    excludes |= interaction.Excludes;
                    engaged |= interaction.Engagement > 0;
                }

                if (sum != 0)
                {
                    strengths.Add((item, Math.Clamp(sum, -4f, 4f)));
                }

                if (excludes)
                {
                    excluded.Add(item);
                }

                if (engaged && sum > -1f)
                {
                    consumed.Add(item);
                    lastSeen.Add(seen);
                }

                start = end;
            }

            Strengths = [.. strengths];
            Excluded = [.. excluded];
            Consumed = [.. consumed];
            Recent = Latest(consumed, lastSeen);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(shownKeys);
        }

        LastInteraction = last;
        var liked = 0;
        var negative = 0;
        foreach (var (_, strength) in Strengths)
        {
            liked += strength > 0.5f ? 1 : 0;
            negative += strength < 0 ? 1 : 0;
        }

        PositiveCount = liked;
        NegativeCount = negative;
        var authors = new Dictionary<string, int>(liked, StringComparer.OrdinalIgnoreCase);
        var tags = new Dictionary<string, float>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, strength) in Strengths)
        {
            if (strength <= 0.5f)
            {
                continue;
            }

            var book = catalog[item];
            if (book.PrimaryAuthor.Length > 0)
            {
                authors[book.PrimaryAuthor] = authors.GetValueOrDefault(book.PrimaryAuthor) + 1;
            }

            // Indexed: an interface's enumerator would be an allocation per book.
            var bookTags = book.Tags;
            for (var t = 0; t < bookTags.Count; t++)
            {
                tags[bookTags[t]] = tags.GetValueOrDefault(bookTags[t]) + (1f / liked);
            }
        }

        AuthorCounts = authors;
        TagShares = tags;
    }

    /// <summary>Net signed strength per catalogue item, ascending by item.</summary>
    public (int Item, float Strength)[] Strengths { get; }

    /// <summary>Items read, rated, accepted or rejected, ascending.</summary>
    public int[] Excluded { get; }

    /// <summary>
    /// Items the reader picked up (rated, read, liked, RSVPed, opened), ascending, unless they ended up clearly
    /// disliking them: the item-to-item model's input, where "read it" matters more than the stars.
    /// </summary>
    public int[] Consumed { get; }

    /// <summary>Items with a clearly positive net signal.</summary>
    public int PositiveCount { get; }

    /// <summary>Items with a negative net signal.</summary>
    public int NegativeCount { get; }

    /// <summary>The latest items picked up, most recent first (at most <see cref="RecentCount"/>).</summary>
    public int[] Recent { get; }

    /// <summary>When the reader last did something other than being shown a list; null for a new reader.</summary>
    public DateTimeOffset? LastInteraction { get; }

    /// <summary>The items shown to the reader, ascending, with <see cref="ShownCounts"/> beside them.</summary>
    public int[] ShownItems { get; }

    /// <summary>How many times each of <see cref="ShownItems"/> was shown.</summary>
    public int[] ShownCounts { get; }

    /// <summary>Liked books per primary author.</summary>
    public IReadOnlyDictionary<string, int> AuthorCounts { get; }

    /// <summary>For each tag, the share of the reader's liked books that carry it.</summary>
    public IReadOnlyDictionary<string, float> TagShares { get; }

    /// <summary>How many times an item was shown to the reader.</summary>
    public int TimesShown(int item)
    {
        var at = Array.BinarySearch(ShownItems, item);
        return at >= 0 ? ShownCounts[at] : 0;
    }

    private static (int[] Items, int[] Counts) RunLengths(Span<int> items)
    {
        if (items.IsEmpty)
        {
            return ([], []);
        }

        items.Sort();
        var runs = 1;
        for (var n = 1; n < items.Length; n++)
        {
            runs += items[n] != items[n - 1] ? 1 : 0;
        }

        var distinct = new int[runs];
        var counts = new int[runs];
        var at = 0;
        distinct[0] = items[0];
        for (var n = 0; n < items.Length; n++)
        {
            if (items[n] != distinct[at])
            {
                distinct[++at] = items[n];
            }

            counts[at]++;
        }

        return (distinct, counts);
    }

    /// <summary>The <see cref="RecentCount"/> items seen last (ties: the higher item first), most recent first.</summary>
    private static int[] Latest(List<int> items, List<DateTimeOffset> seen)
    {
        Span<int> best = stackalloc int[RecentCount];
        var size = 0;
        for (var n = 0; n < items.Count; n++)
        {
            // Insertion into the few best so far; items come ascending, so a tie in time puts the later one first.
            var at = size < RecentCount ? size++ : RecentCount;
            while (at > 0 && seen[best[at - 1]].CompareTo(seen[n]) <= 0)
            {
                if (at < RecentCount)
                {
                    best[at] = best[at - 1];
                }

                at--;
            }

            if (at < RecentCount)
            {
                best[at] = n;
            }
        }

        var latest = new int[size];
        for (var n = 0; n < size; n++)
        {
            latest[n] = items[best[n]];
        }

        return latest;
    }
}
