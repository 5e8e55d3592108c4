using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.State;

/// <summary>Several states loaded and saved together.</summary>
public class BotStateSet
{
    /// <summary>Creates a set.</summary>
    /// <param name="botStates">The states.</param>
    public BotStateSet(params BotState[] botStates)
    {
        ArgumentNullException.ThrowIfNull(botStates);
        BotStates = [.. botStates];
    }

    /// <summary>The states in the set.</summary>
    public IList<BotState> BotStates { get; }

    /// <summary>Adds a state.</summary>
    /// <param name="botState">The state.</param>
    /// <returns>This set.</returns>
    public BotStateSet Add(BotState botState)
    {
        ArgumentNullException.ThrowIfNull(botState);
        BotStates.Add(botState);
        return this;
    }

    /// <summary>Loads every state not loaded yet (all of them with <paramref name="force"/>), with one read per store.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="force">Reload even if cached.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task LoadAllAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var toLoad = BotStates
            .Select(state => (State: state, Key: state.KeyToLoad(turnContext, force)))
            .Where(load => load.Key is not null)
            .ToList();
        foreach (var batch in toLoad.GroupBy(load => load.State.StateStorage))
        {
            var found = await batch.Key.ReadAsync([.. batch.Select(load => load.Key!).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
            foreach (var (state, key) in batch)
            {
                state.Loaded(turnContext, key!, found);
            }
        }
    }

    /// <summary>
    /// Saves every changed state, the documents of one store in one batch: the stores check every ETag before writing
    /// any, so a conflict on the user's document leaves the conversation's unwritten too, and the retried turn
    /// (<see cref="RetryOnStateConflictMiddleware"/>) starts from a consistent pair rather than from half of its own
    /// earlier attempt.
    /// </summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="force">Write even if unchanged.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task SaveAllChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var pending = BotStates.Select(state => state.PrepareSave(turnContext, force)).OfType<PendingStateWrite>().ToList();
        foreach (var batch in pending.GroupBy(p => p.Storage))
        {
            var changes = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var write in batch)
            {
                changes[write.Key] = write.Document;
            }

            await batch.Key.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            foreach (var write in batch)
            {
                write.Committed();
            }
        }
    }
}
