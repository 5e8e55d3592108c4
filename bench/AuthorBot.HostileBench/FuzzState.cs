using System.Collections.Concurrent;

namespace AuthorBot.HostileBench;

/// <summary>What the fuzz has learned so far: valid tokens and conversations, announcements, attachment URLs.</summary>
public sealed class FuzzState(string directLineSecret, string apiKey, string sinkUrl)
{
    private const int MaxKept = 64;

    private readonly ConcurrentQueue<FuzzSession> _sessions = new();
    private readonly ConcurrentQueue<string> _announcements = new();
    private readonly ConcurrentQueue<string> _attachments = new();

    /// <summary>The bot's Direct Line secret (the bench configures it), for tokens/generate.</summary>
    public string DirectLineSecret { get; } = directLineSecret;

    /// <summary>The announcements API key.</summary>
    public string ApiKey { get; } = apiKey;

    /// <summary>A loopback Connector sink: service URLs pointing here get their replies.</summary>
    public string SinkUrl { get; } = sinkUrl;

    public void Add(FuzzSession session) => Keep(_sessions, session);

    public void AddAnnouncement(string id) => Keep(_announcements, id);

    public void AddAttachment(string path) => Keep(_attachments, path);

    public FuzzSession? AnySession(Random random, bool started) => Pick(_sessions.Where(s => s.Started == started).ToArray(), random);

    public string? AnyAnnouncement(Random random) => Pick(_announcements.ToArray(), random);

    public string? AnyAttachment(Random random) => Pick(_attachments.ToArray(), random);

    private static T? Pick<T>(T[] items, Random random)
        where T : class => items.Length == 0 ? null : items[random.Next(items.Length)];

    private static void Keep<T>(ConcurrentQueue<T> queue, T item)
    {
        queue.Enqueue(item);
        while (queue.Count > MaxKept && queue.TryDequeue(out _))
        {
        }
    }
}
