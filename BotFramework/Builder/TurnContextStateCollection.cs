namespace AuthorBot.BotFramework.Builder;

/// <summary>The per-turn bag of services and values, keyed by string (by default the type's full name).</summary>
public class TurnContextStateCollection : Dictionary<string, object>
{
    /// <summary>Creates an empty collection.</summary>
    public TurnContextStateCollection()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Gets the value stored under <paramref name="key"/>, or default when absent or of another type.</summary>
    public T? Get<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TryGetValue(key, out var value) && value is T typed ? typed : default;
    }

    /// <summary>Gets the value stored under the full name of <typeparamref name="T"/>.</summary>
    public T? Get<T>() => Get<T>(KeyOf<T>());

    /// <summary>Adds a value; throws when the key is taken.</summary>
    public void Add<T>(string key, T value)
        where T : notnull => base.Add(key, value);

    /// <summary>Adds a value under the full name of <typeparamref name="T"/>; throws when the key is taken.</summary>
    public void Add<T>(T value)
        where T : notnull => base.Add(KeyOf<T>(), value);

    /// <summary>Stores a value, replacing any previous one; a null value removes the key.</summary>
    public void Set<T>(string key, T? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is null)
        {
            Remove(key);
        }
        else
        {
            this[key] = value;
        }
    }

    /// <summary>Stores a value under the full name of <typeparamref name="T"/>.</summary>
    public void Set<T>(T? value) => Set(KeyOf<T>(), value);

    private static string KeyOf<T>() => typeof(T).FullName ?? typeof(T).Name;
}
