using Npgsql;

namespace AuthorBot.BotFramework.State;

/// <summary>
/// Brings a component's tables up to date at start-up: the versions not yet recorded in <c>schema_migrations</c> run
/// in order, in one transaction, under a transaction-scoped advisory lock. Instances starting together queue on the
/// lock, and each one after the first finds every version recorded and changes nothing; a failed step rolls back
/// with everything before it in that run, so a schema is never half-applied.
/// </summary>
public static class PostgresMigrator
{
    // Every component's migrations share one lock: they also share the bookkeeping table that the first one creates.
    private const long MigrationLockKey = 0x417574686f724d47; // "AuthorMG"

    /// <summary>Applies the versions of <paramref name="component"/> the database has not recorded yet.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="component">The name the versions are recorded under (e.g. <c>bot-state</c>).</param>
    /// <param name="migrations">All of the component's migrations; their versions must be distinct.</param>
    /// <param name="cancellationToken">Cancels the run (rolling it back).</param>
    /// <returns>The versions this call applied (empty when the schema was already current).</returns>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, string component, IReadOnlyList<PostgresMigration> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(migrations);
        if (migrations.Select(m => m.Version).Distinct().Count() != migrations.Count)
        {
            throw new ArgumentException($"The migrations of '{component}' repeat a version.", nameof(migrations));
        }

        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", MigrationLockKey)).ConfigureAwait(false);
                await ExecuteAsync(
                    connection,
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        component text NOT NULL,
                        version integer NOT NULL,
                        description text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now(),
                        PRIMARY KEY (component, version))
                    """,
                    cancellationToken).ConfigureAwait(false);

                var applied = new HashSet<int>();
                var read = new NpgsqlCommand("SELECT version FROM schema_migrations WHERE component = @component", connection);
                await using (read.ConfigureAwait(false))
                {
                    read.Parameters.AddWithValue("component", component);
                    var rows = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (rows.ConfigureAwait(false))
                    {
                        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            applied.Add(rows.GetInt32(0));
                        }
                    }
                }

                var ran = new List<int>();
                foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
                {
                    await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(
                        connection,
                        "INSERT INTO schema_migrations (component, version, description) VALUES (@component, @version, @description)",
                        cancellationToken,
                        ("component", component),
                        ("version", migration.Version),
                        ("description", migration.Description)).ConfigureAwait(false);
                    ran.Add(migration.Version);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return ran;
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
