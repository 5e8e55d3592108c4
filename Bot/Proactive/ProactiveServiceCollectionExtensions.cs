using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Reminders;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace AuthorBot.Bot.Proactive;

/// <summary>Registers conversation-reference capture and its store.</summary>
internal static class ProactiveServiceCollectionExtensions
{
    /// <summary>The default database file, relative to the content root.</summary>
    public const string DefaultDatabasePath = "App_Data/proactive.db";

    /// <summary>
    /// Adds <see cref="ProactiveDatabase"/> (file at <c>Proactive:DatabasePath</c>, relative to the content root; in memory
    /// when no path is set and <c>Storage:Provider</c> is <c>Memory</c>; in the <c>ConnectionStrings:Postgres</c> database
    /// when it is <c>Postgres</c>, with queue leases of <c>Proactive:LeaseDuration</c>, two minutes by default),
    /// <see cref="ConversationReferenceStore"/>, <see cref="ConversationReferenceMiddleware"/> and its
    /// <see cref="IReaderDataStore"/>, and the durable <see cref="IReminderScheduler"/> with its sender.
    /// </summary>
    public static IServiceCollection AddProactive(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            if (string.Equals(configuration["Storage:Provider"], BotStateServiceCollectionExtensions.PostgresProvider, StringComparison.OrdinalIgnoreCase))
            {
                // Shared by every instance on the database, like the bot state beside it.
                var lease = configuration.GetValue("Proactive:LeaseDuration", TimeSpan.FromMinutes(2));
                return ProactiveDatabase.OnPostgres(sp.GetRequiredService<NpgsqlDataSource>(), lease, sp.GetRequiredService<TimeProvider>());
            }

            var configured = configuration["Proactive:DatabasePath"];
            if (string.IsNullOrWhiteSpace(configured) && string.Equals(configuration["Storage:Provider"], "Memory", StringComparison.OrdinalIgnoreCase))
            {
                // Bot state that forgets on restart would pair oddly with references and deliveries that do not.
                return ProactiveDatabase.InMemory();
            }

            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new ProactiveDatabase(Path.Combine(root, string.IsNullOrWhiteSpace(configured) ? DefaultDatabasePath : configured));
        });
        services.AddSingleton<ConversationReferenceStore>();
        services.AddHostedService<ConversationReferenceWriter>();
        services.AddSingleton<IServiceUrlTrustStore, TrustedServiceUrlStore>();
        services.AddSingleton<ConversationReferenceMiddleware>();
        services.AddSingleton<TeamsPersonalChats>();
        services.AddSingleton<IReaderDataStore, ConversationReferenceDataStore>();

        // Added, not tried: the reader flows register a scheduler that refuses until the host provides this one.
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        services.AddSingleton<IReminderScheduler, ProactiveReminderScheduler>();
        services.AddSingleton<IReaderDataStore, ReminderDataStore>();
        return services;
    }
}
