using System.Data.Common;
using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Understanding.Intents;

namespace AuthorBot.Bot.Understanding;

/// <summary>
/// Messages the bot did not understand, in the bot's database, for the author to review and label; labelled ones join
/// the classifier's training data when the bot next starts. They carry no reader id (see <see cref="MissedMessage"/>).
/// </summary>
internal sealed partial class MissStore(ProactiveDatabase database, ILogger<MissStore> logger) : IMissLog, ILabelledExampleSource
{
    private const string Columns = "id, text, channel_id, missed_at, guess, guess_score, second_guess, second_score, label, labelled_at";

    public Task RecordAsync(MissedMessage miss, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(miss);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO intent_misses (text, channel_id, missed_at, guess, guess_score, second_guess, second_score)
                    VALUES (@t, @c, @at, @g, @gs, @s, @ss);
                    """;
                command.Parameters.AddWithValue("@t", miss.Text);
                command.Parameters.AddWithValue("@c", (object?)miss.ChannelId ?? DBNull.Value);
                command.Parameters.AddWithValue("@at", miss.At.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("@g", (object?)miss.Guess ?? DBNull.Value);
                command.Parameters.AddWithValue("@gs", miss.GuessScore);
                command.Parameters.AddWithValue("@s", (object?)miss.SecondGuess ?? DBNull.Value);
                command.Parameters.AddWithValue("@ss", miss.SecondScore);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>The misses, newest first: unlabelled only unless <paramref name="all"/>.</summary>
    public Task<List<MissView>> ListAsync(bool all, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM intent_misses {(all ? string.Empty : "WHERE label IS NULL")} ORDER BY id DESC LIMIT @limit;";
                command.Parameters.AddWithValue("@limit", limit);
                return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Labels a miss; null when there is no such miss.</summary>
    public Task<MissView?> LabelAsync(long id, string intent, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using (var update = connection.CreateCommand())
                {
                    update.Transaction = transaction;
                    update.CommandText = "UPDATE intent_misses SET label = @l, labelled_at = @at WHERE id = @id;";
                    update.Parameters.AddWithValue("@l", intent);
                    update.Parameters.AddWithValue("@at", now.ToUnixTimeMilliseconds());
                    update.Parameters.AddWithValue("@id", id);
                    if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        return null;
                    }
                }

                using var select = connection.CreateCommand();
                select.Transaction = transaction;
                select.CommandText = $"SELECT {Columns} FROM intent_misses WHERE id = @id;";
                select.Parameters.AddWithValue("@id", id);
                return (await ReadAsync(select, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            },
            cancellationToken);

    /// <summary>
    /// The labelled misses as training examples, oldest first. On PostgreSQL, while the database cannot be reached,
    /// none (with a warning): the host starts and serves with the shipped and the author's examples, as its bot state
    /// waits for the database too, and the labelled misses join at the next start.
    /// </summary>
    public async Task<IReadOnlyList<IntentExample>> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await LoadLabelledAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (database.IsPostgres && ex is Npgsql.NpgsqlException or TimeoutException)
        {
            LogNoLabelled(logger, ex.Message);
            return [];
        }
    }

    private Task<IReadOnlyList<IntentExample>> LoadLabelledAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<IntentExample>>(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id, text, label FROM intent_misses WHERE label IS NOT NULL ORDER BY id;";
                var examples = new List<IntentExample>();
                using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    examples.Add(new IntentExample(rows.GetString(2), rows.GetString(1), "labelled miss " + rows.GetInt64(0)));
                }

                return examples;
            },
            cancellationToken);

    private static async Task<List<MissView>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var misses = new List<MissView>();
        using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            misses.Add(new MissView
            {
                Id = rows.GetInt64(0),
                Text = rows.GetString(1),
                ChannelId = rows.IsDBNull(2) ? null : rows.GetString(2),
                MissedAt = DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(3)),
                Guess = rows.IsDBNull(4) ? null : rows.GetString(4),
                GuessScore = Math.Round(rows.GetDouble(5), 3),
                SecondGuess = rows.IsDBNull(6) ? null : rows.GetString(6),
                SecondScore = Math.Round(rows.GetDouble(7), 3),
                Label = rows.IsDBNull(8) ? null : rows.GetString(8),
                LabelledAt = rows.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(9)),
            });
        }

        return misses;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The labelled misses could not be read, so the classifier starts without them: {Reason}")]
    private static partial void LogNoLabelled(ILogger logger, string reason);
}
