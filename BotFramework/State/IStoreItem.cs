namespace AuthorBot.BotFramework.State;

/// <summary>A stored value that takes part in optimistic concurrency through its ETag.</summary>
public interface IStoreItem
{
    /// <summary>
    /// The ETag the item was read with; <see langword="null"/> or <see cref="StorageETag.Any"/> writes unconditionally,
    /// <see cref="StorageETag.CreateOnly"/> writes only if nothing is stored yet. Storage sets it to the new ETag after a write.
    /// </summary>
    string? ETag { get; set; }
}
