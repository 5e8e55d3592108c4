namespace AuthorBot.FanOutBench;

/// <summary>One cluster crash run.</summary>
/// <param name="Kill">Its number.</param>
/// <param name="KilledInstance">The instance (0-based) that was SIGKILLed.</param>
/// <param name="PostsAtKill">Posts the channel had received when the instance died.</param>
/// <param name="Posts">Every post the channel received, copies included.</param>
/// <param name="ReadersReached">Readers with at least one copy.</param>
/// <param name="Copies">Posts beyond one per reader: what the at-least-once window let through.</param>
/// <param name="SameKeyCopies">Of those, posts that repeated an idempotency key already received.</param>
/// <param name="Window">The killed instance's deliveries still "sending" at the kill: the most that may be sent twice.</param>
/// <param name="SentPerInstance">Deliveries recorded sent, per instance (the killed one's count is what it committed before dying).</param>
/// <param name="Resent">Deliveries sent on a second attempt (taken over after the dead instance's lease lapsed).</param>
/// <param name="PostToKill">From the announcement's POST to the SIGKILL.</param>
/// <param name="PostToLast">From the announcement's POST to the last post the channel received.</param>
/// <param name="LoadAverage">The machine's one-minute load average at the end.</param>
internal sealed record ClusterCrashResult(
    int Kill,
    int KilledInstance,
    int PostsAtKill,
    int Posts,
    int ReadersReached,
    int Copies,
    int SameKeyCopies,
    long Window,
    IReadOnlyList<long> SentPerInstance,
    long Resent,
    TimeSpan PostToKill,
    TimeSpan PostToLast,
    string LoadAverage);
