namespace AuthorBot.BotFramework.State;

/// <summary>
/// Thrown when a write's ETag does not match the stored document: someone else changed (or created, or deleted)
/// it since it was read. Nothing in the batch was written; reload and retry, or report it.
/// </summary>
public sealed class StorageConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageConcurrencyException()
        : this("A stored document was changed by another writer since it was read (ETag mismatch).")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public StorageConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StorageConcurrencyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The key whose ETag did not match.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>Creates the exception for a conflicting key.</summary>
    internal static StorageConcurrencyException ForKey(string key) =>
        new($"The stored document '{key}' was changed by another writer since it was read (ETag mismatch); nothing was written. Reload and retry.")
        {
            Key = key,
        };
}
