using AuthorBot.BotFramework.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace AuthorBot.Bot.Telemetry;

/// <summary>
/// Runs before the log exporters: ids in a log line's arguments (conversation, user, reader, member, tenant) are
/// replaced by their keyed hashes, and the message goes out as its template with the arguments beside it, so a
/// formatted line cannot carry an id past the hashing.
/// </summary>
internal sealed class LogRecordScrubber(TelemetryIdHasher hasher) : BaseProcessor<LogRecord>
{
    private static readonly string[] _idSuffixes = ["ConversationId", "UserId", "ReaderId", "MemberId", "TenantId"];

    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.FormattedMessage = null;
        if (data.Attributes is not { Count: > 0 } attributes || !attributes.Any(a => IsId(a.Key)))
        {
            return;
        }

        data.Attributes = [.. attributes.Select(a => IsId(a.Key) ? new KeyValuePair<string, object?>(a.Key, hasher.Hash(a.Value?.ToString())) : a)];
    }

    private static bool IsId(string key) => _idSuffixes.Any(suffix => key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
}
