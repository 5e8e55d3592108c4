using AuthorBot.BotFramework.State;
using AuthorBot.Tests.Shared;
using Npgsql;

namespace AuthorBot.BotFramework.Tests.State;

/// <summary>The storage contract on a real PostgreSQL, plus what only a shared database has to show.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresStorageTests(PostgresServer server) : StorageContractTests, IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;
    private PostgresStorage? _storage;
    private string _connectionString = string.Empty;

    protected override IStorage Storage => _storage ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        _storage = new PostgresStorage(_dataSource);
    }

    [Fact]
    public async Task Two_instances_on_one_database_see_each_others_conflicts()
    {
        // A second data source is a second pool, as another instance of the bot would have.
        await using var otherSource = NpgsqlDataSource.Create(_connectionString);
        var other = new PostgresStorage(otherSource);
        await Storage.WriteAsync(new Dictionary<string, object> { ["n"] = new Note { Text = "v1" } });
        var readHere = (await Storage.ReadAsync<Note>(["n"]))["n"];
        var readThere = (await other.ReadAsync<Note>(["n"]))["n"];

        readThere.Text = "there";
        await other.WriteAsync(new Dictionary<string, object> { ["n"] = readThere });
        readHere.Text = "here";

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage.WriteAsync(new Dictionary<string, object> { ["n"] = readHere }));
        Assert.Equal("there", (await Storage.ReadAsync<Note>(["n"]))["n"].Text);
    }

    [Fact]
    public async Task Instances_migrating_at_once_apply_each_version_exactly_once()
    {
        var fresh = await server.CreateDatabaseAsync();
        var sources = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(fresh)).ToList();
        try
        {
            var runs = await Task.WhenAll(sources.Select(source => PostgresMigrator.MigrateAsync(
                source,
                "test-component",
                [new(1, "first", "CREATE TABLE t1 (id int PRIMARY KEY)"), new(2, "second", "ALTER TABLE t1 ADD COLUMN name text")],
                CancellationToken.None)));

            // One instance applied both versions; the others found them recorded and changed nothing.
            Assert.Single(runs, applied => applied.Count > 0);
            Assert.Equal([1, 2], runs.Single(applied => applied.Count > 0));
            await using var command = sources[0].CreateCommand("SELECT count(*) FROM schema_migrations WHERE component = 'test-component'");
            Assert.Equal(2L, await command.ExecuteScalarAsync());

            // A later release adds version 3: only it runs.
            var later = await PostgresMigrator.MigrateAsync(
                sources[1],
                "test-component",
                [new(1, "first", "CREATE TABLE t1 (id int PRIMARY KEY)"), new(2, "second", "ALTER TABLE t1 ADD COLUMN name text"), new(3, "third", "CREATE INDEX ix_t1_name ON t1 (name)")],
                CancellationToken.None);
            Assert.Equal([3], later);
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_of_its_run_behind()
    {
        var fresh = await server.CreateDatabaseAsync();
        await using var source = NpgsqlDataSource.Create(fresh);

        await Assert.ThrowsAsync<PostgresException>(() => PostgresMigrator.MigrateAsync(
            source,
            "broken",
            [new(1, "fine", "CREATE TABLE fine (id int)"), new(2, "broken", "ALTER TABLE missing ADD COLUMN x int")],
            CancellationToken.None));

        await using var command = source.CreateCommand("SELECT to_regclass('fine') IS NULL");
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
