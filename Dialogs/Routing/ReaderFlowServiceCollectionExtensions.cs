using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.Dialogs.Routing;

/// <summary>Registers reader flows so the root dialog and the menu find them.</summary>
public static class ReaderFlowServiceCollectionExtensions
{
    /// <summary>Registers a flow as a singleton and as an <see cref="IReaderFlow"/>.</summary>
    /// <typeparam name="TFlow">The flow.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddReaderFlow<TFlow>(this IServiceCollection services)
        where TFlow : class, IReaderFlow
    {
        services.AddSingleton<TFlow>();
        services.AddSingleton<IReaderFlow>(sp => sp.GetRequiredService<TFlow>());
        return services;
    }
}
