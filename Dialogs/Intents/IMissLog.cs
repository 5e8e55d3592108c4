namespace AuthorBot.Dialogs.Intents;

/// <summary>Where messages the bot did not understand go, for the author to review and label.</summary>
public interface IMissLog
{
    /// <summary>Records a miss.</summary>
    /// <param name="miss">The miss (already scrubbed).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once stored.</returns>
    Task RecordAsync(MissedMessage miss, CancellationToken cancellationToken);
}
