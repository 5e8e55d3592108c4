namespace AuthorBot.BotFramework.DirectLine;

/// <summary>The stored head document of a conversation: who it is with, where its log ends, which chunks hold it.</summary>
internal sealed class ConversationLogHead
{
    public string ConversationId { get; set; } = "";

    public string? UserId { get; set; }

    public bool UserAnnounced { get; set; }

    public bool Started { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long LastSequence { get; set; }

    public DateTimeOffset LastTimestamp { get; set; }

    /// <summary>Indexes of the chunk documents that hold retained activities.</summary>
    public List<long> Chunks { get; set; } = [];
}
