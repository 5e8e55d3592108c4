using AuthorBot.Bot.Proactive;
using Npgsql;

namespace AuthorBot.Bot.Tests.Postgres;

/// <summary>Two instances' writes that lock the same rows in opposite orders both land, not one of them failing.</summary>
[Collection(PostgresTests.Name)]
public sealed class ProactiveDatabaseDeadlockTests(PostgresServer server)
{
    [Fact]
    public async Task A_write_the_server_aborts_as_a_deadlock_runs_again_and_both_writes_land()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE pair (id int PRIMARY KEY, writes int NOT NULL); INSERT INTO pair VALUES (1, 0), (2, 0);", setup);
            await create.ExecuteNonQueryAsync();
        }

        // Two instances: each has its own write gate, as two processes would.
        await using var firstSource = NpgsqlDataSource.Create(connectionString);
        await using var secondSource = NpgsqlDataSource.Create(connectionString);
        using var first = ProactiveDatabase.OnPostgres(firstSource, TimeSpan.FromMinutes(1), TimeProvider.System);
        using var second = ProactiveDatabase.OnPostgres(secondSource, TimeSpan.FromMinutes(1), TimeProvider.System);
        var firstHolds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondHolds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = 0;

        async Task<bool> LockBothAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, int mine, int theirs, TaskCompletionSource held, Task otherHolds)
        {
            Interlocked.Increment(ref attempts);
            await UpdateAsync(connection, transaction, mine);
            held.TrySetResult();
            await otherHolds.WaitAsync(TimeSpan.FromSeconds(30));
            await UpdateAsync(connection, transaction, theirs);
            return true;
        }

        var writes = await Task.WhenAll(
            first.WriteAsync((c, t) => LockBothAsync(c, t, 1, 2, firstHolds, secondHolds.Task), CancellationToken.None),
            second.WriteAsync((c, t) => LockBothAsync(c, t, 2, 1, secondHolds, firstHolds.Task), CancellationToken.None));

        Assert.Equal([true, true], writes);
        Assert.Equal(3, attempts);
        await using var check = new NpgsqlConnection(connectionString);
        await check.OpenAsync();
        await using var sum = new NpgsqlCommand("SELECT SUM(writes) FROM pair", check);
        Assert.Equal(4L, (long)(await sum.ExecuteScalarAsync())!);
    }

    private static async Task UpdateAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, int id)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE pair SET writes = writes + 1 WHERE id = @id";
        command.Parameters.Add(new NpgsqlParameter("id", id));
        await command.ExecuteNonQueryAsync();
    }
}
