using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AuthorBot.BotFramework.State;

/// <summary>Registers storage and bot state in one call.</summary>
public static class BotStateServiceCollectionExtensions
{
    /// <summary>The default SQLite file, relative to the content root.</summary>
    public const string DefaultSqlitePath = "App_Data/authorbot.db";

    /// <summary>The <c>Storage:Provider</c> value, and the connection string's name, for PostgreSQL.</summary>
    public const string PostgresProvider = "Postgres";

    /// <summary>
    /// Registers <see cref="IStorage"/> (from <c>Storage:Provider</c>: <c>Sqlite</c>, the default, with the file at
    /// <c>Storage:Sqlite:Path</c> relative to the content root, <c>Memory</c>, or <c>Postgres</c> on the database of
    /// <c>ConnectionStrings:Postgres</c>, whose <see cref="NpgsqlDataSource"/> is registered too), <see cref="UserState"/>,
    /// <see cref="ConversationState"/> and <see cref="TurnSerializationMiddleware"/> as singletons.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">The configured provider is not known.</exception>
    public static IServiceCollection AddBotState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration["Storage:Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var configuredPath = configuration["Storage:Sqlite:Path"];
            services.AddSingleton<IStorage>(sp =>
            {
                var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
                var path = Path.Combine(contentRoot, string.IsNullOrWhiteSpace(configuredPath) ? DefaultSqlitePath : configuredPath);
                return new SqliteStorage(path);
            });
        }
        else if (provider.Equals("Memory", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IStorage, MemoryStorage>();
        }
        else if (provider.Equals(PostgresProvider, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString(PostgresProvider);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Storage:Provider is 'Postgres' but ConnectionStrings:Postgres is empty; set it (e.g. Host=db.example.com;Database=authorbot;Username=authorbot;Password=...).");
            }

            NpgsqlConnectionStringBuilder parsed;
            try
            {
                parsed = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidOperationException("ConnectionStrings:Postgres is not a valid PostgreSQL connection string: " + ex.Message, ex);
            }

            // One pool per process for every store on the database.
            services.AddSingleton(_ => NpgsqlDataSource.Create(parsed));
            services.AddSingleton<PostgresStorage>();
            services.AddSingleton<IStorage>(sp => sp.GetRequiredService<PostgresStorage>());
            services.AddHostedService<PostgresMigrationService>();
        }
        else
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not known here; use 'Sqlite' (default), 'Memory' or 'Postgres', or register your own IStorage.");
        }

        services.AddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<TurnSerializationMiddleware>();
        return services;
    }
}
