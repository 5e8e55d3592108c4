using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuthorBot.BotFramework.State;

/// <summary>Registers storage and bot state in one call.</summary>
public static class BotStateServiceCollectionExtensions
{
    /// <summary>The default SQLite file, relative to the content root.</summary>
    public const string DefaultSqlitePath = "App_Data/authorbot.db";

    /// <summary>
    /// Registers <see cref="IStorage"/> (from <c>Storage:Provider</c>: <c>Sqlite</c>, the default, with the file at
    /// <c>Storage:Sqlite:Path</c> relative to the content root, or <c>Memory</c>), <see cref="UserState"/>,
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
        else
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not known here; use 'Sqlite' (default) or 'Memory', or register your own IStorage.");
        }

        services.AddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<TurnSerializationMiddleware>();
        return services;
    }
}
