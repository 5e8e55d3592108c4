using System.Net;
using System.Text.Json;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Hosting;
using AuthorBot.BotFramework.State;
using Npgsql;

namespace AuthorBot.Bot.Tests.Postgres;

/// <summary>The real host with <c>Storage:Provider=Postgres</c>: readiness follows the database, state is shared.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresHostTests(PostgresServer server)
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_host_starts_without_its_database_reports_not_ready_apologises_and_is_ready_once_it_exists()
    {
        using var folder = new TempFolder();
        var name = PostgresServer.NewDatabaseName();
        await using var host = await RunningHost.StartAsync(PostgresInstance.Settings(server.ConnectionString(name), folder.Path, "a"));

        var (status, body) = await WaitForReadyAsync(host, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var storage = body.GetProperty("checks").GetProperty("storage");
        Assert.Equal("Unhealthy", storage.GetProperty("status").GetString());
        Assert.Contains(name, storage.GetProperty("description").GetString(), StringComparison.Ordinal);
        using (var live = await host.Client.GetAsync(new Uri("/healthz/live", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        // A turn while the database is missing is an apology, not a 5xx.
        Assert.Equal(CloudAdapter.DefaultErrorMessage, await host.ExpectRepliesAsync("c1", "u1", "subscribe to the newsletter"));

        await server.CreateDatabaseAsync(name);
        (status, body) = await WaitForReadyAsync(host, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());

        // The table was made by the migration, which recorded its version.
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString(name));
        await using var command = dataSource.CreateCommand("SELECT max(version) FROM schema_migrations WHERE component = @c");
        command.Parameters.AddWithValue("c", PostgresStorage.MigrationComponent);
        Assert.Equal(1, await command.ExecuteScalarAsync());
        Assert.Contains("name", await host.ExpectRepliesAsync("c1", "u1", "subscribe to the newsletter"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_reader_who_signed_up_on_one_instance_is_known_to_another()
    {
        using var folder = new TempFolder();
        var connectionString = await server.CreateDatabaseAsync();
        await using var a = await RunningHost.StartAsync(PostgresInstance.Settings(connectionString, folder.Path, "a"));
        await using var b = await RunningHost.StartAsync(PostgresInstance.Settings(connectionString, folder.Path, "b"));

        // The dialog moves between instances turn by turn: its state is in the database, not in either process.
        Assert.Contains("name", await a.ExpectRepliesAsync("c1", "u1", "subscribe to the newsletter"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("email", await b.ExpectRepliesAsync("c1", "u1", "Alice"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("alice@example.com", await a.ExpectRepliesAsync("c1", "u1", "alice@example.com"), StringComparison.Ordinal);
        Assert.Equal("Thanks Alice, you're subscribed.", await b.ExpectRepliesAsync("c1", "u1", "yes"));

        var reply = await a.ExpectRepliesAsync("c2", "u1", "subscribe");
        Assert.Contains("already subscribed to the newsletter with alice@example.com", reply, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> WaitForReadyAsync(RunningHost host, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + _patience;
        while (true)
        {
            using var response = await host.Client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (response.StatusCode == wanted || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(200);
        }
    }
}
