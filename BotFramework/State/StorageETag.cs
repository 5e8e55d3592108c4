namespace AuthorBot.BotFramework.State;

/// <summary>Special ETag values understood by every <see cref="IStorage"/>.</summary>
public static class StorageETag
{
    /// <summary>Matches whatever is stored: the write wins over any concurrent change (Bot Builder's "*").</summary>
    public const string Any = "*";

    /// <summary>
    /// The writer saw no document: the write succeeds only if the key is still empty, like HTTP <c>If-None-Match: *</c>.
    /// Without it two first writers would silently overwrite each other.
    /// </summary>
    public const string CreateOnly = "create-only";

    /// <summary>True when <paramref name="eTag"/> makes the write unconditional.</summary>
    internal static bool IsUnconditional(string? eTag) => eTag is null || eTag == Any;

    /// <summary>Decides whether a write carrying <paramref name="eTag"/> may replace <paramref name="storedETag"/>.</summary>
    internal static bool Allows(string? eTag, string? storedETag) => eTag switch
    {
        null or Any => true,
        CreateOnly => storedETag is null,
        _ => string.Equals(eTag, storedETag, StringComparison.Ordinal),
    };

    /// <summary>A fresh, unique ETag (unique across processes sharing one store).</summary>
    internal static string NewETag() => Guid.NewGuid().ToString("N");
}
