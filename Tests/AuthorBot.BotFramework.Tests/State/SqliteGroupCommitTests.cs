using AuthorBot.BotFramework.State;
using Microsoft.Data.Sqlite;
using static AuthorBot.BotFramework.Tests.State.StorageContractTests;

namespace AuthorBot.BotFramework.Tests.State;

/// <summary>
/// Group commit in <see cref="SqliteStorage"/>: writers queued behind a busy one commit together, and still each get
/// exactly their own outcome. Another connection holding the file's write lock keeps every writer waiting (in BEGIN
/// IMMEDIATE or queued behind it) until all have arrived, so the grouping is certain rather than a matter of timing.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly SqliteStorage _storage;

    public SqliteGroupCommitTests()
    {
        _storage = new SqliteStorage(_folder.File("state.db"));
    }

    [Fact]
    public async Task Writers_queued_behind_a_busy_writer_are_all_stored_in_fewer_transactions()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["seed"] = new Note { Text = "seed" } });
        var commitsBefore = _storage.Commits;
        var notes = Enumerable.Range(0, 40).Select(i => new Note { Text = "note " + i, Count = i }).ToArray();

        Task[] writers;
        await using (await HoldWriteLockAsync())
        {
            writers = notes.Select((note, i) => Task.Run(() => _storage.WriteAsync(new Dictionary<string, object> { ["k" + i] = note }))).ToArray();
            await WaitUntilAsync(() => _storage.WritesInProgress == writers.Length);
        }

        await Task.WhenAll(writers);

        var stored = await _storage.ReadAsync<Note>(notes.Select((_, i) => "k" + i).ToArray());
        Assert.Equal(notes.Length, stored.Count);
        for (var i = 0; i < notes.Length; i++)
        {
            Assert.Equal("note " + i, stored["k" + i].Text);
            Assert.NotNull(notes[i].ETag);
            Assert.Equal(stored["k" + i].ETag, notes[i].ETag);
        }

        // The writer that was first to the gate commits what it took, the next one everything queued behind it.
        Assert.InRange(_storage.Commits - commitsBefore, 1, 2);
    }

    [Fact]
    public async Task A_conflict_in_a_group_fails_only_its_own_batch()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["shared"] = new Note { Text = "v0" } });
        var eTag = (await _storage.ReadAsync<Note>(["shared"]))["shared"].ETag;
        const int Writers = 12;

        Task[] writers;
        await using (await HoldWriteLockAsync())
        {
            // Every writer read the same version of "shared": one may replace it, and each batch also carries a key of
            // its own that must be stored exactly when its batch wins.
            writers = Enumerable.Range(0, Writers).Select(i => Task.Run(() => _storage.WriteAsync(new Dictionary<string, object>
            {
                ["own" + i] = new Note { Text = "own " + i },
                ["shared"] = new Note { Text = "by " + i, ETag = eTag },
            }))).ToArray();
            await WaitUntilAsync(() => _storage.WritesInProgress == writers.Length);
        }

        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await w;
                return null;
            }
            catch (StorageConcurrencyException ex)
            {
                return ex;
            }
        }));

        var winner = Assert.Single(Enumerable.Range(0, Writers), i => outcomes[i] is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal("shared", o!.Key));
        var own = await _storage.ReadAsync<Note>(Enumerable.Range(0, Writers).Select(i => "own" + i).ToArray());
        Assert.Equal(["own" + winner], own.Keys);
        Assert.Equal("by " + winner, (await _storage.ReadAsync<Note>(["shared"]))["shared"].Text);
    }

    [Fact]
    public async Task Writes_of_the_same_key_in_one_group_apply_in_turn()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["seed"] = new Note() });
        const int Writers = 10;

        Task[] writers;
        await using (await HoldWriteLockAsync())
        {
            // Create-only: whichever batch the group applies first creates the document; every later one must conflict.
            writers = Enumerable.Range(0, Writers).Select(i => Task.Run(() => _storage.WriteAsync(new Dictionary<string, object>
            {
                ["once"] = new Note { Text = "by " + i, ETag = StorageETag.CreateOnly },
            }))).ToArray();
            await WaitUntilAsync(() => _storage.WritesInProgress == writers.Length);
        }

        var failed = 0;
        foreach (var writer in writers)
        {
            try
            {
                await writer;
            }
            catch (StorageConcurrencyException)
            {
                failed++;
            }
        }

        Assert.Equal(Writers - 1, failed);
        Assert.StartsWith("by ", (await _storage.ReadAsync<Note>(["once"]))["once"].Text);
    }

    public void Dispose()
    {
        _storage.Dispose();
        _folder.Dispose();
    }

    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _storage.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "The writers never all arrived while the file was locked.");
    }
}
