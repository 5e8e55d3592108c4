namespace AuthorBot.Recommenders.Training;

/// <summary>
/// A sparse reader-by-item matrix over dense indices, held as triples and as compressed rows by reader and by item.
/// Immutable once built; trainers read it from many threads at once.
/// </summary>
public sealed class RatingMatrix
{
    private readonly int[] _users;
    private readonly int[] _items;
    private readonly float[] _values;
    private readonly int[] _userOffsets;
    private readonly int[] _userItems;
    private readonly float[] _userValues;
    private readonly int[] _itemOffsets;
    private readonly int[] _itemUsers;
    private readonly float[] _itemValues;

    /// <summary>Builds the matrix from parallel arrays of (user, item, value) triples.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length or an index is out of range.</exception>
    public RatingMatrix(int userCount, int itemCount, int[] users, int[] items, float[] values)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(userCount);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        if (users.Length != items.Length || users.Length != values.Length)
        {
            throw new ArgumentException("users, items and values must have the same length.", nameof(values));
        }

        for (var n = 0; n < users.Length; n++)
        {
            if ((uint)users[n] >= (uint)userCount || (uint)items[n] >= (uint)itemCount)
            {
                throw new ArgumentException($"Entry {n} ({users[n]}, {items[n]}) is outside a {userCount}x{itemCount} matrix.", nameof(users));
            }

            if (!float.IsFinite(values[n]))
            {
                throw new ArgumentException($"Entry {n} has a value that is not a finite number.", nameof(values));
            }
        }

        UserCount = userCount;
        ItemCount = itemCount;
        _users = users;
        _items = items;
        _values = values;
        (_userOffsets, _userItems, _userValues) = Compress(userCount, users, items, values);
        (_itemOffsets, _itemUsers, _itemValues) = Compress(itemCount, items, users, values);
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        Mean = values.Length == 0 ? 0f : (float)(sum / values.Length);
    }

    /// <summary>Number of readers (rows).</summary>
    public int UserCount { get; }

    /// <summary>Number of items (columns).</summary>
    public int ItemCount { get; }

    /// <summary>Number of stored entries.</summary>
    public int Count => _values.Length;

    /// <summary>Mean of the stored values.</summary>
    public float Mean { get; }

    /// <summary>The user index of every entry, in input order.</summary>
    public ReadOnlySpan<int> Users => _users;

    /// <summary>The item index of every entry, in input order.</summary>
    public ReadOnlySpan<int> Items => _items;

    /// <summary>The value of every entry, in input order.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The items the user has entries for, in ascending item order.</summary>
    public ReadOnlySpan<int> ItemsOf(int user) => _userItems.AsSpan(_userOffsets[user], _userOffsets[user + 1] - _userOffsets[user]);

    /// <summary>The user's values, aligned with <see cref="ItemsOf"/>.</summary>
    public ReadOnlySpan<float> ValuesOfUser(int user) => _userValues.AsSpan(_userOffsets[user], _userOffsets[user + 1] - _userOffsets[user]);

    /// <summary>The users with entries for the item, in ascending user order.</summary>
    public ReadOnlySpan<int> UsersOf(int item) => _itemUsers.AsSpan(_itemOffsets[item], _itemOffsets[item + 1] - _itemOffsets[item]);

    /// <summary>The item's values, aligned with <see cref="UsersOf"/>.</summary>
    public ReadOnlySpan<float> ValuesOfItem(int item) => _itemValues.AsSpan(_itemOffsets[item], _itemOffsets[item + 1] - _itemOffsets[item]);

    private static (int[] Offsets, int[] Columns, float[] Values) Compress(int rows, int[] rowOf, int[] colOf, float[] values)
    {
        var offsets = new int[rows + 1];
        foreach (var r in rowOf)
        {
            offsets[r + 1]++;
        }

        for (var r = 0; r < rows; r++)
        {
            offsets[r + 1] += offsets[r];
        }

        var cursor = (int[])offsets.Clone();
        var cols = new int[rowOf.Length];
        var vals = new float[rowOf.Length];
        for (var n = 0; n < rowOf.Length; n++)
        {
            var at = cursor[rowOf[n]]++;
            cols[at] = colOf[n];
            vals[at] = values[n];
        }

        for (var r = 0; r < rows; r++)
        {
            Array.Sort(cols, vals, offsets[r], offsets[r + 1] - offsets[r]);
        }

        return (offsets, cols, vals);
    }
}
