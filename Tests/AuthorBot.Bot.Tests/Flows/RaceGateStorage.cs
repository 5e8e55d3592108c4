using AuthorBot.BotFramework.State;

namespace AuthorBot.Bot.Tests.Flows;

/// <summary>
/// Holds the first <c>racers</c> reads until all of them have read, so every racer decides on the same stored
/// version and their writes really collide; counts the ETag conflicts the store reports.
/// </summary>
internal sealed class RaceGateStorage(IStorage inner, int racers) : IStorage
{
    private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;
    private int _conflicts;

    public int Conflicts => Volatile.Read(ref _conflicts);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var result = await inner.ReadAsync(keys, cancellationToken);
        var read = Interlocked.Increment(ref _reads);
        if (read == racers)
        {
            _allRead.SetResult();
        }

        if (read <= racers)
        {
            await _allRead.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.WriteAsync(changes, cancellationToken);
        }
        catch (StorageConcurrencyException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}
