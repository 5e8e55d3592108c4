using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// The hot, in-memory state of one conversation: its activity log (what polling and socket replay
/// read), its watermark, its open sockets and the bookkeeping for write-behind persistence.
/// Every change to the log happens under one lock, and frames are queued to the sockets inside it,
/// so every socket sees the log in order with no gaps and no duplicates.
/// </summary>
internal sealed class DirectLineConversation
{
    internal const int ChunkSize = 32;
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private readonly Lock _gate = new();
    private readonly List<ConversationLogEntry> _entries;
    // Chunk index -> the version that last changed it; a chunk is clean once that version is stored.
    private readonly Dictionary<long, long> _dirtyChunks = [];
    private IActivityStreamSubscriber[] _subscribers = [];
    private long _lastSequence;
    private DateTimeOffset _lastTimestamp;
    private long _ephemeralCount;
    private long _version;
    private long _persistedVersion;
    private long _lastTouchedTicks;

    public DirectLineConversation(string id, DateTimeOffset createdAt)
        : this(id, createdAt, [], 0, DateTimeOffset.MinValue, persisted: false)
    {
    }

    private DirectLineConversation(string id, DateTimeOffset createdAt, List<ConversationLogEntry> entries, long lastSequence, DateTimeOffset lastTimestamp, bool persisted)
    {
        Id = id;
        CreatedAt = createdAt;
        _entries = entries;
        _lastSequence = lastSequence;
        _lastTimestamp = lastTimestamp;
        _version = persisted ? 0 : 1;
        _lastTouchedTicks = createdAt.UtcTicks;
    }

    public string Id { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>The user id, once known (from the token, the start request or the first post).</summary>
    public string? UserId { get; private set; }

    /// <summary>Whether the bot has been told about the user (the conversationUpdate was sent).</summary>
    public bool UserAnnounced { get; private set; }

    /// <summary>Whether <c>POST conversations</c> has run for this id.</summary>
    public bool Started { get; private set; }

    /// <summary>Serializes bot turns, so a flow's state is never read and written by two turns at once.</summary>
    public SemaphoreSlim TurnGate { get; } = new(1, 1);

    /// <summary>Serializes writes to storage, so a slower older snapshot never overwrites a newer one.</summary>
    public SemaphoreSlim PersistGate { get; } = new(1, 1);

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>True when something changed since the last successful write to storage.</summary>
    public bool IsDirty => Interlocked.Read(ref _version) != Interlocked.Read(ref _persistedVersion);

    public DateTimeOffset LastTouched => new(Interlocked.Read(ref _lastTouchedTicks), TimeSpan.Zero);

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastTouchedTicks, now.UtcTicks);

    /// <summary>Marks the conversation started and records the user id when none is known yet; true only for the call that started it.</summary>
    public bool MarkStarted(string? userId)
    {
        lock (_gate)
        {
            var first = !Started;
            Started = true;
            if (UserId is null && !string.IsNullOrEmpty(userId))
            {
                UserId = userId;
            }

            MarkHeadDirty();
            return first;
        }
    }

    /// <summary>Records the user id if none is known yet; returns the id in effect.</summary>
    public string? AdoptUser(string? userId)
    {
        lock (_gate)
        {
            if (UserId is null && !string.IsNullOrEmpty(userId))
            {
                UserId = userId;
                MarkHeadDirty();
            }

            return UserId;
        }
    }

    /// <summary>Claims the one-time conversationUpdate for the user; true for exactly one caller.</summary>
    public bool TryClaimUserAnnouncement()
    {
        lock (_gate)
        {
            if (UserAnnounced || UserId is null)
            {
                return false;
            }

            UserAnnounced = true;
            MarkHeadDirty();
            return true;
        }
    }

    /// <summary>
    /// Stores <paramref name="activity"/>: assigns its id, its timestamp (strictly after the previous
    /// one, at millisecond precision, because Web Chat orders the transcript by it) and its
    /// conversation, then pushes it to every open socket.
    /// </summary>
    /// <remarks>
    /// A bot activity that arrives with an id already in the log (<paramref name="sourceId"/>) is the same message sent
    /// again, e.g. an announcement re-sent after a crash hid that the first send succeeded: it is dropped and the stored
    /// entry returned, so the reader sees it once.
    /// </remarks>
    public ConversationLogEntry Append(JsonObject activity, DateTimeOffset now, DirectLineRetention retention, string? sourceId = null)
    {
        lock (_gate)
        {
            if (sourceId is not null && _entries.Find(e => e.SourceId == sourceId) is { } already)
            {
                return already;
            }

            var sequence = ++_lastSequence;
            var id = string.Create(CultureInfo.InvariantCulture, $"{Id}|{sequence:D7}");
            var timestamp = NextTimestamp(now);
            Stamp(activity, id, timestamp);
            var entry = new ConversationLogEntry(sequence, id, timestamp, JsonSerializer.SerializeToUtf8Bytes(activity, DirectLineJsonContext.Default.JsonObject), sourceId);
            _entries.Add(entry);
            _version++;
            MarkChunkDirty(sequence);
            Trim(now, retention);
            Publish([entry.Json], sequence);
            return entry;
        }
    }

    /// <summary>Pushes an activity to the open sockets without storing it (typing indicators).</summary>
    public string Broadcast(JsonObject activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{Id}|e{++_ephemeralCount}");
            Stamp(activity, id, NextTimestamp(now));
            Publish([JsonSerializer.SerializeToUtf8Bytes(activity, DirectLineJsonContext.Default.JsonObject)], _lastSequence);
            return id;
        }
    }

    /// <summary>
    /// Replaces a stored activity, keeping its id and timestamp (so it stays in place in the transcript)
    /// but moving it to the end of the log, so pollers past its old position see the new version.
    /// </summary>
    public ConversationLogEntry? Replace(string activityId, JsonObject activity, DirectLineRetention retention, DateTimeOffset now)
    {
        lock (_gate)
        {
            var index = _entries.FindIndex(e => e.Id == activityId);
            if (index < 0)
            {
                return null;
            }

            var old = _entries[index];
            _entries.RemoveAt(index);
            _version++;
            MarkChunkDirty(old.Sequence);
            var sequence = ++_lastSequence;
            Stamp(activity, old.Id, old.Timestamp);
            var entry = new ConversationLogEntry(sequence, old.Id, old.Timestamp, JsonSerializer.SerializeToUtf8Bytes(activity, DirectLineJsonContext.Default.JsonObject), old.SourceId);
            _entries.Add(entry);
            _version++;
            MarkChunkDirty(sequence);
            Trim(now, retention);
            Publish([entry.Json], sequence);
            return entry;
        }
    }

    /// <summary>Removes a stored activity; false when no activity has that id.</summary>
    public bool Remove(string activityId)
    {
        lock (_gate)
        {
            var index = _entries.FindIndex(e => e.Id == activityId);
            if (index < 0)
            {
                return false;
            }

            _version++;
            MarkChunkDirty(_entries[index].Sequence);
            _entries.RemoveAt(index);
            return true;
        }
    }

    /// <summary>The stored activity with <paramref name="activityId"/>, as JSON, or null.</summary>
    public byte[]? Find(string activityId)
    {
        lock (_gate)
        {
            return _entries.Find(e => e.Id == activityId)?.Json;
        }
    }

    /// <summary>Everything after <paramref name="watermark"/> (all when null), as one ActivitySet.</summary>
    public byte[] ReadAfter(long? watermark)
    {
        lock (_gate)
        {
            return ActivitySetWriter.Write(After(watermark), _lastSequence);
        }
    }

    /// <summary>
    /// Adds a socket: queues the backlog after <paramref name="watermark"/> first, then adds it to the
    /// receivers, both under the lock so nothing is missed or sent twice. Returns a socket that must
    /// now be closed because the conversation already had the most it may have, or null.
    /// </summary>
    public IActivityStreamSubscriber? Subscribe(IActivityStreamSubscriber subscriber, long? watermark, int maxSubscribers)
    {
        lock (_gate)
        {
            var backlog = After(watermark);
            if (backlog.Count > 0)
            {
                subscriber.TryEnqueue(ActivitySetWriter.Write(backlog, _lastSequence));
            }

            IActivityStreamSubscriber? evicted = null;
            var current = _subscribers;
            if (current.Length >= Math.Max(1, maxSubscribers))
            {
                evicted = current[0];
                current = current[1..];
            }

            _subscribers = [.. current, subscriber];
            return evicted;
        }
    }

    public void Unsubscribe(IActivityStreamSubscriber subscriber)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_subscribers, subscriber) >= 0)
            {
                _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscriber))];
            }
        }
    }

    /// <summary>A consistent copy of what must be written to storage, and the version it represents.</summary>
    public ConversationSnapshot TakeSnapshot()
    {
        lock (_gate)
        {
            var chunks = new Dictionary<long, IReadOnlyList<ConversationLogEntry>?>();
            foreach (var chunk in _dirtyChunks.Keys)
            {
                var members = _entries.Where(e => ChunkOf(e.Sequence) == chunk).ToArray();
                chunks[chunk] = members.Length == 0 ? null : members;
            }

            var head = new ConversationLogHead
            {
                ConversationId = Id,
                UserId = UserId,
                UserAnnounced = UserAnnounced,
                Started = Started,
                CreatedAt = CreatedAt,
                LastSequence = _lastSequence,
                LastTimestamp = _lastTimestamp,
                Chunks = [.. _entries.Select(e => ChunkOf(e.Sequence)).Distinct()],
            };
            return new ConversationSnapshot(_version, head, chunks);
        }
    }

    /// <summary>Records that <paramref name="snapshot"/> reached storage.</summary>
    public void MarkPersisted(ConversationSnapshot snapshot)
    {
        lock (_gate)
        {
            foreach (var chunk in snapshot.Chunks.Keys)
            {
                // A chunk changed again after the snapshot stays dirty for the next write.
                if (_dirtyChunks.TryGetValue(chunk, out var changedAt) && changedAt <= snapshot.Version)
                {
                    _dirtyChunks.Remove(chunk);
                }
            }

            if (_persistedVersion < snapshot.Version)
            {
                _persistedVersion = snapshot.Version;
            }
        }
    }

    public long Version => Interlocked.Read(ref _version);

    public long PersistedVersion => Interlocked.Read(ref _persistedVersion);

    /// <summary>Closes every socket (used when the conversation leaves memory or the server stops).</summary>
    public void CloseSubscribers(string reason)
    {
        IActivityStreamSubscriber[] current;
        lock (_gate)
        {
            current = _subscribers;
            _subscribers = [];
        }

        foreach (var subscriber in current)
        {
            subscriber.Close(reason);
        }
    }

    /// <summary>True when <paramref name="head"/>, read from storage shared with other instances, says more than this copy knows.</summary>
    public bool IsBehind(ConversationLogHead head)
    {
        lock (_gate)
        {
            return head.LastSequence > _lastSequence || head.Started != Started || head.UserAnnounced != UserAnnounced || head.UserId != UserId;
        }
    }

    /// <summary>
    /// Takes what another instance wrote to the shared log: the head's fields, and, when <paramref name="entries"/> are
    /// given, the log itself, pushing the activities past this copy's watermark to the open sockets in one frame. A
    /// read older than this copy is ignored, so concurrent catch-ups apply in order and a socket sees no gap and no
    /// repeat. Unsaved local changes are kept unless <paramref name="replace"/> (the caller holds the conversation's lock,
    /// so storage is the truth and anything unsaved here was a failed write).
    /// </summary>
    public void CatchUp(ConversationLogHead head, List<ConversationLogEntry>? entries, bool replace)
    {
        lock (_gate)
        {
            var dirty = _version != _persistedVersion;
            if (dirty && !replace)
            {
                return;
            }

            if (entries is null || (head.LastSequence < _lastSequence && !replace))
            {
                if (head.LastSequence == _lastSequence || replace)
                {
                    (UserId, UserAnnounced, Started) = (head.UserId, head.UserAnnounced, head.Started);
                }

                return;
            }

            var previous = _lastSequence;
            entries.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            _entries.Clear();
            _entries.AddRange(entries);
            _lastSequence = head.LastSequence;
            if (head.LastTimestamp > _lastTimestamp || replace)
            {
                _lastTimestamp = head.LastTimestamp;
            }

            (UserId, UserAnnounced, Started) = (head.UserId, head.UserAnnounced, head.Started);
            _dirtyChunks.Clear();
            _persistedVersion = _version;
            var fresh = _entries.Where(e => e.Sequence > previous).Select(e => e.Json).ToList();
            if (fresh.Count > 0)
            {
                Publish(fresh, _lastSequence);
            }
        }
    }

    /// <summary>Rebuilds a conversation from what storage holds.</summary>
    public static DirectLineConversation Restore(ConversationLogHead head, IEnumerable<ConversationLogEntry> entries)
    {
        var conversation = new DirectLineConversation(head.ConversationId, head.CreatedAt, [.. entries.OrderBy(e => e.Sequence)], head.LastSequence, head.LastTimestamp, persisted: true)
        {
            UserId = head.UserId,
            UserAnnounced = head.UserAnnounced,
            Started = head.Started,
        };
        return conversation;
    }

    internal static long ChunkOf(long sequence) => (sequence - 1) / ChunkSize;

    private static void Stamp(JsonObject activity, string id, DateTimeOffset timestamp)
    {
        activity["id"] = id;
        activity["timestamp"] = timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);
    }

    private List<byte[]> After(long? watermark)
    {
        var result = new List<byte[]>();
        var after = watermark ?? long.MinValue;
        foreach (var entry in _entries)
        {
            if (entry.Sequence > after)
            {
                result.Add(entry.Json);
            }
        }

        return result;
    }

    private DateTimeOffset NextTimestamp(DateTimeOffset now)
    {
        var rounded = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var next = rounded > _lastTimestamp ? rounded : _lastTimestamp.AddMilliseconds(1);
        _lastTimestamp = next;
        return next;
    }

    private void Trim(DateTimeOffset now, DirectLineRetention retention)
    {
        var excess = _entries.Count - retention.MaxActivities;
        var cutoff = now - retention.MaxAge;
        var remove = 0;
        while (remove < _entries.Count && (remove < excess || _entries[remove].Timestamp < cutoff))
        {
            MarkChunkDirty(_entries[remove].Sequence);
            remove++;
        }

        if (remove > 0)
        {
            _entries.RemoveRange(0, remove);
        }
    }

    private void MarkHeadDirty() => _version++;

    private void MarkChunkDirty(long sequence) => _dirtyChunks[ChunkOf(sequence)] = _version;

    private void Publish(List<byte[]> activities, long watermark)
    {
        var subscribers = _subscribers;
        if (subscribers.Length == 0)
        {
            return;
        }

        var frame = ActivitySetWriter.Write(activities, watermark);
        foreach (var subscriber in subscribers)
        {
            if (!subscriber.TryEnqueue(frame))
            {
                // A socket this far behind is closed; the client reconnects and replays from its watermark.
                _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscriber))];
                subscriber.Close("too slow");
            }
        }
    }
}
