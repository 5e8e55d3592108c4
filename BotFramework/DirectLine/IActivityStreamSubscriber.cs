namespace AuthorBot.BotFramework.DirectLine;

/// <summary>A live receiver of a conversation's ActivitySets (an open WebSocket).</summary>
internal interface IActivityStreamSubscriber
{
    /// <summary>Queues a ready-made ActivitySet frame without blocking; false when the receiver cannot keep up.</summary>
    bool TryEnqueue(byte[] frame);

    /// <summary>Ends the stream, e.g. when a newer socket replaced it or it fell too far behind.</summary>
    void Close(string reason);
}
