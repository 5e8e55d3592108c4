namespace AuthorBot.BotFramework.State;

/// <summary>
/// One caller's batch waiting in <see cref="SqliteStorage"/>'s write queue: its documents, and the task the caller
/// awaits, which completes only after the transaction holding the batch has committed (or with the batch's conflict).
/// </summary>
/// <remarks>
/// A batch is either claimed by the writer committing it or cancelled by its caller, never both: a caller whose token
/// fires after the claim waits for the real outcome, so a cancelled write is known not to have happened.
/// </remarks>
internal sealed class QueuedStateWrite(IReadOnlyList<EncodedDocument> documents)
{
    private const int Waiting = 0;
    private const int Claimed = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<IReadOnlyList<string>> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public IReadOnlyList<EncodedDocument> Documents { get; } = documents;

    /// <summary>The new ETag of each document, in order, once committed.</summary>
    public Task<IReadOnlyList<string>> Outcome => _outcome.Task;

    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    public bool TryCancel(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Waiting) != Waiting)
        {
            return false;
        }

        _outcome.TrySetCanceled(cancellationToken);
        return true;
    }

    public void Committed(IReadOnlyList<string> eTags) => _outcome.TrySetResult(eTags);

    public void Failed(Exception exception) => _outcome.TrySetException(exception);
}
