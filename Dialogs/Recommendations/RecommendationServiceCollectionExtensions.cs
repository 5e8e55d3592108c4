using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>Registers the recommendation flow and the recommender behind it.</summary>
public static class RecommendationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ReaderRecommender"/>, <see cref="RecommendationDialog"/>, its menu entry and the
    /// <see cref="IReaderDataStore"/> for readers' feedback. Without a registered <see cref="RecommendationOptions"/>
    /// feedback stays in memory; the host registers options with a data folder.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddRecommendationFlow(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new RecommendationOptions());
        services.TryAddSingleton<ReaderRecommender>();
        services.AddSingleton<IReaderDataStore, RecommendationHistoryStore>();
        services.AddSingleton<BookFeedback>();
        services.AddSingleton<BookReactions>();
        services.AddSingleton<RecommendationDialog>();
        services.AddReaderFlow<RecommendationFlow>();
        return services;
    }
}
