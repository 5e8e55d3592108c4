using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.State;

/// <summary>Wraps a store, counting reads and writes and optionally failing the next writes with a conflict.</summary>
internal sealed class CountingStorage(IStorage inner) : IStorage
{
    private int _reads;
    private int _writes;
    private int _conflictsToInject;

    public int Reads => Volatile.Read(ref _reads);

    public int Writes => Volatile.Read(ref _writes);

    public void FailNextWritesWithConflict(int count) => Volatile.Write(ref _conflictsToInject, count);

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.ReadAsync(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        if (Interlocked.Decrement(ref _conflictsToInject) >= 0)
        {
            throw new StorageConcurrencyException("injected conflict");
        }

        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(keys, cancellationToken);
}
