namespace AuthorBot.Recommenders.Models;

/// <summary>
/// EASE item-to-item weights over the catalogue's most interacted-with items (the dense item-by-item matrix would not
/// fit a large catalogue): <see cref="Items"/> maps each row of <see cref="Weights"/> to a model item index.
/// </summary>
public sealed class ItemItemModel
{
    private readonly int[] _items;
    private readonly int[] _rowOf;

    /// <summary>Wraps trained weights; <paramref name="items"/> are the model indices of the rows, <paramref name="modelItemCount"/> the model's item count.</summary>
    /// <exception cref="ArgumentException">The weights do not have one row per item, or an item index is out of range or repeated.</exception>
    public ItemItemModel(int[] items, EaseModel weights, int modelItemCount)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.ItemCount != items.Length)
        {
            throw new ArgumentException("The weights must have one row per item.", nameof(weights));
        }

        _items = items;
        _rowOf = new int[modelItemCount];
        Array.Fill(_rowOf, -1);
        for (var r = 0; r < items.Length; r++)
        {
            if ((uint)items[r] >= (uint)modelItemCount || _rowOf[items[r]] >= 0)
            {
                throw new ArgumentException($"Item index {items[r]} is out of range or repeated.", nameof(items));
            }

            _rowOf[items[r]] = r;
        }

        Weights = weights;
        ModelItemCount = modelItemCount;
    }

    /// <summary>The model's item count (rows index into it).</summary>
    public int ModelItemCount { get; }

    /// <summary>The model item index of each row.</summary>
    public ReadOnlySpan<int> Items => _items;

    /// <summary>The item-to-item weights, by row.</summary>
    public EaseModel Weights { get; }

    /// <summary>The row of a model item, or −1 when the item has no row.</summary>
    public int RowOf(int modelItem) => _rowOf[modelItem];
}
