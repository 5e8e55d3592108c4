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
        var strengths = new Dictionary<int, float>();
        var excluded = new HashSet<int>();
        var shown = new Dictionary<int, int>();
        var lastSeen = new Dictionary<int, DateTimeOffset>();
        var consumed = new SortedSet<int>();
        DateTimeOffset? last = null;
        foreach (var interaction in interactions)
        {
            if (!catalog.TryGetIndex(interaction.ItemId, out var item))
            {
                continue;
            }

            if (interaction.Kind == InteractionKind.Impression)
            {
                shown[item] = shown.GetValueOrDefault(item) + 1;
                continue;
            }

            strengths[item] = strengths.GetValueOrDefault(item) + interaction.Strength;
            lastSeen[item] = interaction.Timestamp;
            last = last is { } l && l > interaction.Timestamp ? l : interaction.Timestamp;
            if (interaction.Excludes)
            {
                excluded.Add(item);
            }

            if (interaction.Engagement > 0)
            {
                consumed.Add(item);
            }
        }

        Strengths = [.. strengths
            .Where(s => s.Value != 0)
            .Select(s => (s.Key, Math.Clamp(s.Value, -4f, 4f)))
            .OrderBy(s => s.Key)];
        Excluded = excluded;
        Consumed = [.. consumed.Where(i => strengths[i] > -1f)];
        Shown = shown;
        LastInteraction = last;
        var liked = Strengths.Where(s => s.Strength > 0.5f).Select(s => s.Item).ToArray();
        PositiveCount = liked.Length;
        NegativeCount = Strengths.Count(s => s.Strength < 0);
        Recent = [.. Consumed.OrderByDescending(i => lastSeen[i]).ThenByDescending(i => i).Take(RecentCount)];
        var authors = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var tags = new Dictionary<string, float>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in liked)
        {
            var book = catalog[item];
            if (book.PrimaryAuthor.Length > 0)
            {
                authors[book.PrimaryAuthor] = authors.GetValueOrDefault(book.PrimaryAuthor) + 1;
            }

            foreach (var tag in book.Tags)
            {
                tags[tag] = tags.GetValueOrDefault(tag) + (1f / liked.Length);
            }
        }

        AuthorCounts = authors;
        TagShares = tags;
    }

    /// <summary>Net signed strength per catalogue item, ascending by item.</summary>
    public (int Item, float Strength)[] Strengths { get; }

    /// <summary>Items read, rated, accepted or rejected.</summary>
    public IReadOnlySet<int> Excluded { get; }

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

    /// <summary>How many times each item was shown to the reader.</summary>
    public IReadOnlyDictionary<int, int> Shown { get; }

    /// <summary>Liked books per primary author.</summary>
    public IReadOnlyDictionary<string, int> AuthorCounts { get; }

    /// <summary>For each tag, the share of the reader's liked books that carry it.</summary>
    public IReadOnlyDictionary<string, float> TagShares { get; }
}
