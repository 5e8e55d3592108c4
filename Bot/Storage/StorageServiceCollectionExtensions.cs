using AuthorBot.BotFramework.State;

namespace AuthorBot.Bot.Storage;

/// <summary>Chooses where AuthorBot keeps its state, from configuration.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>The default SQLite file, relative to the content root.</summary>
    public const string DefaultSqlitePath = "App_Data/authorbot.db";

    /// <summary>
    /// Registers <see cref="IStorage"/> (SQLite by default, or Memory) and the user and conversation state over it.
    /// An unknown provider name fails start-up with a message naming the setting, rather than silently using memory
    /// and losing every reader's data on the next restart.
    /// </summary>
    public static IServiceCollection AddAuthorBotStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Storage:Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var path = configuration["Storage:Sqlite:Path"];
            var fullPath = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? DefaultSqlitePath : path, contentRoot);
            services.AddSingleton<IStorage>(_ => new SqliteStorage(fullPath));
        }
        else if (provider.Equals("Memory", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IStorage>(_ => new MemoryStorage());
        }
        else
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not supported; use 'Sqlite' (default) or 'Memory'.");
        }

        services.AddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        return services;
    }
}
