using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Proactive;

/// <summary>
/// One turn's contribution to the proactive database, queued by <see cref="ConversationReferenceMiddleware"/>: the
/// conversation reference to store (when the turn's service URL may be kept) and, when the reader was active, their
/// activity hour.
/// </summary>
/// <param name="Reader">Who.</param>
/// <param name="Adapter">Which adapter captured <paramref name="Reference"/> (<see cref="ProactiveAdapters"/>); null with no reference.</param>
/// <param name="Reference">The reference to store, or null to record activity only.</param>
/// <param name="Active">Whether to record the reader's activity hour.</param>
/// <param name="At">When the turn happened.</param>
internal sealed record ReferenceCapture(ReaderKey Reader, string? Adapter, ConversationReference? Reference, bool Active, DateTimeOffset At)
{
    /// <summary>Called if the write fails, so the caller can forget it was done and capture again next time.</summary>
    public Action? Failed { get; init; }
}
