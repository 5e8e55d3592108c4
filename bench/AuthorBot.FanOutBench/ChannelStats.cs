namespace AuthorBot.FanOutBench;

/// <summary>What the channel received since its last reset.</summary>
/// <param name="Posts">Every post, repeats included.</param>
/// <param name="DuplicateConversations">Posts beyond the first into the same conversation (one reader, one conversation).</param>
/// <param name="DuplicateKeys">Posts beyond the first with the same idempotency key.</param>
/// <param name="Missing">Expected conversations that received nothing.</param>
/// <param name="Unexpected">Conversations that received posts but were not expected.</param>
/// <param name="FirstTicks">Arrival of the first post (UTC ticks), 0 when none.</param>
/// <param name="LastTicks">Arrival of the last post (UTC ticks), 0 when none.</param>
/// <param name="CpuMs">The channel process's CPU time so far.</param>
internal sealed record ChannelStats(
    int Posts,
    int DuplicateConversations,
    int DuplicateKeys,
    int Missing,
    int Unexpected,
    long FirstTicks,
    long LastTicks,
    double CpuMs);
