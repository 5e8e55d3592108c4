using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>
/// The quiz leaderboard in the bot's <see cref="IStorage"/>: only readers who opted in, each under the display name they
/// chose, with their points. Leaving takes the entry out entirely. Part of "export my data" and "delete my data".
/// </summary>
/// <param name="storage">The bot's configured storage.</param>
internal sealed class QuizLeaderboardStore(IStorage storage) : IReaderDataStore
{
    public const string Key = "authorbot/quiz/leaderboard";

    private const int MaxAttempts = 5;

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public string Name => "your quiz leaderboard entry";

    public async Task<QuizLeaderboardDocument> ReadAsync(CancellationToken cancellationToken)
    {
        var found = await storage.ReadAsync<QuizLeaderboardDocument>([Key], cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(Key, out var document) ? document : new QuizLeaderboardDocument { ETag = StorageETag.CreateOnly };
    }

    /// <summary>The top <paramref name="count"/> entries, most points first (earliest joined first among equals).</summary>
    public async Task<List<QuizLeaderboardEntry>> TopAsync(int count, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return [.. document.Entries.Values.OrderByDescending(e => e.Points).ThenBy(e => e.JoinedAt).ThenBy(e => e.DisplayName, StringComparer.Ordinal).Take(count)];
    }

    /// <summary>Puts the reader on the board under <paramref name="displayName"/>; false when another reader already uses that name.</summary>
    public async Task<bool> JoinAsync(ReaderKey reader, string displayName, int points, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taken = false;
        await ChangeAsync(document =>
        {
            var key = KeyOf(reader);
            taken = document.Entries.Any(e => e.Key != key && string.Equals(e.Value.DisplayName, displayName, StringComparison.OrdinalIgnoreCase));
            if (taken)
            {
                return false;
            }

            var joined = document.Entries.TryGetValue(key, out var existing) ? existing.JoinedAt : now;
            document.Entries[key] = new QuizLeaderboardEntry { DisplayName = displayName, Points = points, JoinedAt = joined };
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return !taken;
    }

    /// <summary>Updates the reader's points if they are on the board.</summary>
    public Task UpdatePointsAsync(ReaderKey reader, int points, CancellationToken cancellationToken) =>
        ChangeAsync(document =>
        {
            if (!document.Entries.TryGetValue(KeyOf(reader), out var entry) || entry.Points == points)
            {
                return false;
            }

            entry.Points = points;
            return true;
        }, cancellationToken);

    /// <summary>Takes the reader off the board; leaving twice is not an error.</summary>
    public Task LeaveAsync(ReaderKey reader, CancellationToken cancellationToken) =>
        ChangeAsync(document => document.Entries.Remove(KeyOf(reader)), cancellationToken);

    public async Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return document.Entries.TryGetValue(KeyOf(reader), out var entry) ? JsonSerializer.SerializeToNode(entry, _json) : null;
    }

    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) => LeaveAsync(reader, cancellationToken);

    private static string KeyOf(ReaderKey reader) => reader.ChannelId + "/" + reader.UserId;

    /// <summary>Reads, changes and writes the board, again on fresh data when another reader's change won the race.</summary>
    private async Task ChangeAsync(Func<QuizLeaderboardDocument, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var document = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!change(document))
            {
                return;
            }

            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [Key] = document }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another reader joined, left or scored meanwhile: apply this change on top of theirs.
            }
        }
    }
}
