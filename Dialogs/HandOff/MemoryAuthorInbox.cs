using System.Collections.Concurrent;
using System.Globalization;

namespace AuthorBot.Dialogs.HandOff;

/// <summary>An inbox in memory, for hosts without a database (and tests). One per host; nothing static.</summary>
public sealed class MemoryAuthorInbox : IAuthorInbox
{
    private readonly ConcurrentQueue<AuthorInboxMessage> _messages = new();

    /// <summary>The messages so far, oldest first.</summary>
    public IReadOnlyList<AuthorInboxMessage> Messages => [.. _messages];

    /// <inheritdoc />
    public Task<string> AddAsync(AuthorInboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        _messages.Enqueue(message);
        return Task.FromResult("msg_" + _messages.Count.ToString(CultureInfo.InvariantCulture));
    }
}
