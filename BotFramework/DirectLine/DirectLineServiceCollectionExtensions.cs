using AuthorBot.BotFramework.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>Registers the self-hosted Direct Line 3.0 endpoint's services.</summary>
public static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Direct Line services, with <see cref="DirectLineOptions"/> bound from the <c>DirectLine</c>
    /// section of <paramref name="configuration"/>. Conversation logs go to the registered
    /// <see cref="IStorage"/> (in memory when none is registered). Map the routes with
    /// <see cref="DirectLineEndpointRouteBuilderExtensions.MapDirectLine"/>.
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration, Action<DirectLineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.SectionName));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.AddCors();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DirectLineOptions>>().Value);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<DirectLineOptions>();
            if (sp.GetService<PostgresStorage>() is not null && sp.GetService<IStorage>() is { } storage)
            {
                // Instances share the database, so they share the secret (and the tokens it signs) through it.
                return DirectLineSecret.Shared(options.Secret, storage);
            }

            var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            return DirectLineSecret.Resolve(options.Secret, Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory)));
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<DirectLineOptions>();
            var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            var folder = string.IsNullOrWhiteSpace(options.Attachments.Directory)
                ? Path.Combine(options.DataDirectory, "attachments")
                : options.Attachments.Directory;
            return new DirectLineAttachmentStore(
                options.Attachments,
                Path.GetFullPath(Path.Combine(contentRoot, folder)),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<DirectLineAttachmentStore>>());
        });
        services.AddSingleton<Builder.IAttachmentSource>(sp => new DirectLineAttachmentSource(sp.GetRequiredService<DirectLineAttachmentStore>()));
        services.TryAddSingleton<DirectLineTokenService>();
        services.TryAddSingleton(sp => new DirectLineLogStore(sp.GetService<IStorage>() ?? new MemoryStorage()));
        services.TryAddSingleton(sp => new DirectLineConversations(
            sp.GetRequiredService<DirectLineLogStore>(),
            sp.GetRequiredService<DirectLineOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DirectLineConversations>>(),
            SharedLogOf(sp)));
        services.TryAddSingleton(sp => new DirectLineAdapter(
            sp.GetRequiredService<DirectLineConversations>(),
            sp.GetRequiredService<DirectLineOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new DirectLineTokenIssuer(sp.GetRequiredService<DirectLineTokenService>()));
        services.TryAddSingleton<DirectLineRateLimiter>();
        services.TryAddSingleton<DirectLineCors>();
        services.TryAddSingleton<DirectLineRequestHandler>();
        services.AddHostedService<DirectLineBackgroundService>();
        services.AddHostedService<DirectLineChangeListener>();
        return services;
    }

    /// <summary>
    /// The shared-log coordination when the bot's storage is PostgreSQL (registered by AddBotState, perhaps wrapped in
    /// telemetry), which several instances may share; null for any other storage, which one process owns.
    /// </summary>
    private static DirectLineSharedLog? SharedLogOf(IServiceProvider services) =>
        services.GetService<PostgresStorage>() is not null && services.GetService<NpgsqlDataSource>() is { } dataSource
            ? new DirectLineSharedLog(dataSource)
            : null;
}
