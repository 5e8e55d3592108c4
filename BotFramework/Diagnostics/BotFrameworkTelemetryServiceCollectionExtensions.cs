using AuthorBot.BotFramework.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuthorBot.BotFramework.Diagnostics;

/// <summary>Registers what the protocol library needs to report turns and storage operations.</summary>
public static class BotFrameworkTelemetryServiceCollectionExtensions
{
    /// <summary>The configuration key of the secret that keys the id hashes (16 characters or more; random per process when unset).</summary>
    public const string IdHashKeySetting = "Telemetry:IdHashKey";

    /// <summary>
    /// Registers <see cref="TelemetryIdHasher"/> (keyed by <see cref="IdHashKeySetting"/>) and
    /// <see cref="TurnTelemetryMiddleware"/> (add it first on each adapter), and wraps the registered
    /// <see cref="IStorage"/>, if any, so its operations are measured. Call it after the storage is registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddBotFrameworkTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => TelemetryIdHasher.FromConfiguredKey(configuration[IdHashKeySetting]));
        services.TryAddSingleton<TurnTelemetryMiddleware>();
        DecorateStorage(services);
        return services;
    }

    private static void DecorateStorage(IServiceCollection services)
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IStorage) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return;
        }

        var original = services[index];
        services[index] = ServiceDescriptor.Singleton<IStorage>(provider => original switch
        {
            // A given instance belongs to whoever registered it; the container only disposes what it created.
            { ImplementationInstance: IStorage instance } => new InstrumentedStorage(instance, ownsInner: false),
            { ImplementationFactory: { } factory } => new InstrumentedStorage((IStorage)factory(provider), ownsInner: true),
            _ => new InstrumentedStorage((IStorage)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), ownsInner: true),
        });
    }
}
