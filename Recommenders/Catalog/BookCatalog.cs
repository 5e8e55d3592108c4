namespace AuthorBot.Recommenders.Catalog;

/// <summary>The items the recommender ranks, each with a dense index (its position) used by the models.</summary>
public sealed class BookCatalog
{
    private readonly CatalogItem[] _items;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a catalogue; ids must be unique.</summary>
    /// <exception cref="ArgumentException">Two items share an id, or an id is empty.</exception>
    public BookCatalog(IEnumerable<CatalogItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
        _index = new Dictionary<string, int>(_items.Length, StringComparer.Ordinal);
        for (var n = 0; n < _items.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(_items[n].Id))
            {
                throw new ArgumentException($"Item {n} has no id.", nameof(items));
            }

            if (!_index.TryAdd(_items[n].Id, n))
            {
                throw new ArgumentException($"Duplicate item id '{_items[n].Id}'.", nameof(items));
            }
        }

        Tags = [.. _items
            .SelectMany(i => i.Tags)
            .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)];
    }

    /// <summary>Number of items.</summary>
    public int Count => _items.Length;

    /// <summary>All items in index order.</summary>
    public IReadOnlyList<CatalogItem> Items => _items;

    /// <summary>Every tag in the catalogue, most widely used first (for a "which genres do you like?" prompt).</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The item at a dense index.</summary>
    public CatalogItem this[int index] => _items[index];

    /// <summary>Finds the dense index of an item id.</summary>
    public bool TryGetIndex(string itemId, out int index) => _index.TryGetValue(itemId ?? string.Empty, out index);

    /// <summary>Finds an item by id.</summary>
    public CatalogItem? Find(string itemId) => TryGetIndex(itemId, out var n) ? _items[n] : null;
}
