using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// Logs each refused service URL or address once: an announcement to thousands of readers stored behind one refused URL,
/// or a flood of hostile activities naming one, would otherwise repeat the same warning for every message.
/// </summary>
internal sealed partial class OutboundRefusalLog(ILogger<OutboundRefusalLog> logger)
{
    // Bounds memory against a flood of distinct names; past it further refusals are counted, not logged.
    private const int MaxRemembered = 4096;

    private readonly ConcurrentDictionary<string, byte> _logged = new(StringComparer.OrdinalIgnoreCase);
    private int _unlogged;

    /// <summary>Logs <paramref name="reason"/> for <paramref name="target"/> unless that target was logged before.</summary>
    public void Refused(string target, string reason)
    {
        if (_logged.Count >= MaxRemembered)
        {
            if (Interlocked.Increment(ref _unlogged) == 1)
            {
                LogTooMany(MaxRemembered);
            }

            return;
        }

        if (_logged.TryAdd(target, 0))
        {
            LogRefused(target, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to call {Target}: {Reason}. Nothing is sent there (logged once per address)")]
    private partial void LogRefused(string target, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "More than {Count} distinct service URLs or addresses were refused; further refusals are not logged")]
    private partial void LogTooMany(int count);
}
