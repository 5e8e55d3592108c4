using System.Collections.Concurrent;
using AuthorBot.Understanding.Intents;

namespace AuthorBot.Dialogs.Intents;

/// <summary>
/// Misses kept in memory, for hosts without a database (and tests): labelled ones are offered for training like the
/// host's store offers its own. One instance per host; nothing static.
/// </summary>
public sealed class MemoryMissLog : IMissLog, ILabelledExampleSource
{
    private readonly ConcurrentQueue<(MissedMessage Miss, string? Label)> _misses = new();

    /// <summary>The misses recorded so far, oldest first.</summary>
    public IReadOnlyList<MissedMessage> Misses => [.. _misses.Select(m => m.Miss)];

    /// <inheritdoc />
    public Task RecordAsync(MissedMessage miss, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(miss);
        _misses.Enqueue((miss, null));
        return Task.CompletedTask;
    }

    /// <summary>Adds an already labelled example (what labelling a miss amounts to).</summary>
    /// <param name="text">The message.</param>
    /// <param name="intent">Its intent.</param>
    public void AddLabelled(string text, string intent) =>
        _misses.Enqueue((new MissedMessage(text, null, DateTimeOffset.MinValue, null, 0, null, 0), intent));

    /// <inheritdoc />
    public Task<IReadOnlyList<IntentExample>> LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IntentExample>>([.. _misses.Where(m => m.Label is not null).Select(m => new IntentExample(m.Label!, m.Miss.Text, "labelled miss"))]);
}
