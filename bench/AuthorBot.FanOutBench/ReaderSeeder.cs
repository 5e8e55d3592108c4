using System.Globalization;
using AuthorBot.Bot.Proactive;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Profile;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AuthorBot.FanOutBench;

/// <summary>
/// Writes the bot's data files (or its PostgreSQL database) before it starts, as an import would: one conversation reference per reader
/// (conversation <c>conv-{prefix}{i}</c> at the channel's service URL) and, when asked, a subscribed profile in user state.
/// </summary>
internal static class ReaderSeeder
{
    public static async Task SeedReferencesAsync(string databasePath, string serviceUrl, string channelId, string prefix, int count, CancellationToken cancellationToken)
    {
        using var database = new ProactiveDatabase(databasePath);
        await CaptureAsync(database, serviceUrl, channelId, prefix, count, cancellationToken).ConfigureAwait(false);

        // Pooled connections would keep the file open in this process while the bot owns it.
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The same references in a PostgreSQL database shared by several bots (its tables migrated on first use).</summary>
    public static async Task SeedReferencesOnPostgresAsync(string connectionString, string serviceUrl, string channelId, string prefix, int count, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        using var database = ProactiveDatabase.OnPostgres(dataSource, TimeSpan.FromMinutes(2), TimeProvider.System);
        await CaptureAsync(database, serviceUrl, channelId, prefix, count, cancellationToken).ConfigureAwait(false);
    }

    private static async Task CaptureAsync(ProactiveDatabase database, string serviceUrl, string channelId, string prefix, int count, CancellationToken cancellationToken)
    {
        var store = new ConversationReferenceStore(database);
        var references = Enumerable.Range(0, count)
            .Select(i => prefix + i.ToString(CultureInfo.InvariantCulture))
            .Select(user => (ProactiveAdapters.Connector, new ConversationReference
            {
                ChannelId = channelId,
                ServiceUrl = serviceUrl,
                User = new ChannelAccount(user, "Reader " + user),
                Bot = new ChannelAccount("bot", "AuthorBot"),
                Conversation = new ConversationAccount(isGroup: false, id: "conv-" + user),
            }))
            .ToList();
        await store.CaptureManyAsync(references, active: false, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
    }

    public static async Task SeedSubscribedProfilesAsync(string statePath, string channelId, string prefix, int count, CancellationToken cancellationToken)
    {
        using var storage = new SqliteStorage(statePath);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(1000))
        {
            var changes = new Dictionary<string, object>(chunk.Length, StringComparer.Ordinal);
            foreach (var i in chunk)
            {
                var user = prefix + i.ToString(CultureInfo.InvariantCulture);
                changes[$"{channelId}/users/{user}"] = new Dictionary<string, object>
                {
                    ["ReaderProfile"] = new ReaderProfile { Name = "Reader " + user, Newsletter = new NewsletterConsent { Subscribed = true } },
                };
            }

            await storage.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        }

        SqliteConnection.ClearAllPools();
    }
}
