using AuthorBot.BotFramework.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace AuthorBot.BotFramework.Tests.State;

public sealed class BotStateServiceCollectionExtensionsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Sqlite_is_the_default_and_lives_under_the_content_root()
    {
        using var provider = Build([]);

        var storage = Assert.IsType<SqliteStorage>(provider.GetRequiredService<IStorage>());
        Assert.Equal(Path.GetFullPath(Path.Combine(_folder.Path, "App_Data", "authorbot.db")), storage.DatabasePath);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new { v = 1 } });
        Assert.True(File.Exists(storage.DatabasePath));
        var turn = Turns.For();
        await provider.GetRequiredService<UserState>().CreateProperty<string>("name").SetAsync(turn, "Ada");
        await provider.GetRequiredService<UserState>().SaveChangesAsync(turn);
        await provider.GetRequiredService<ConversationState>().CreateProperty<int>("step").SetAsync(turn, 3);
        await provider.GetRequiredService<ConversationState>().SaveChangesAsync(turn);
        Assert.Equal(2, (await storage.ReadAsync(["test/users/user1", "test/conversations/convo1"])).Count);
        Assert.NotNull(provider.GetRequiredService<TurnSerializationMiddleware>());
    }

    [Fact]
    public void The_sqlite_path_and_the_memory_provider_are_configurable()
    {
        using var custom = Build(new() { ["Storage:Sqlite:Path"] = "data/state.db" });
        Assert.EndsWith(Path.Combine("data", "state.db"), Assert.IsType<SqliteStorage>(custom.GetRequiredService<IStorage>()).DatabasePath, StringComparison.Ordinal);

        using var memory = Build(new() { ["Storage:Provider"] = "memory" });
        Assert.IsType<MemoryStorage>(memory.GetRequiredService<IStorage>());
    }

    [Fact]
    public void An_unknown_provider_fails_at_startup_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Storage:Provider"] = "Cassandra" }));
        Assert.Contains("Cassandra", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_needs_a_valid_connection_string_and_says_so()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Storage:Provider"] = "Postgres" }));
        Assert.Contains("ConnectionStrings:Postgres", missing.Message, StringComparison.Ordinal);

        var malformed = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = "Hoost=x" }));
        Assert.Contains("not a valid PostgreSQL connection string", malformed.Message, StringComparison.Ordinal);

        // Building the host touches no database: the store connects on first use, so a host starts while it is down.
        using var provider = Build(new() { ["Storage:Provider"] = "postgres", ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Username=u;Database=d" });
        Assert.IsType<PostgresStorage>(provider.GetRequiredService<IStorage>());
    }

    public void Dispose() => _folder.Dispose();

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new Environment(_folder.Path));
        services.AddBotState(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
