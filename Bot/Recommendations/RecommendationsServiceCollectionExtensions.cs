using System.Globalization;
using AuthorBot.Dialogs.Recommendations;

namespace AuthorBot.Bot.Recommendations;

/// <summary>Hosts the recommender: feedback and snapshots in the data folder, training at start-up and on a schedule.</summary>
internal static class RecommendationsServiceCollectionExtensions
{
    /// <summary>The default data folder, relative to the content root.</summary>
    public const string DefaultDataDirectory = "App_Data";

    /// <summary>
    /// Registers <see cref="RecommendationOptions"/> from the <c>Recommendations</c> section (<c>DataDirectory</c>,
    /// relative to the content root, default <see cref="DefaultDataDirectory"/>; <c>RetrainInterval</c> as a time
    /// span, default 6 hours; <c>CatalogPath</c>) and the <see cref="RecommenderTrainingHostedService"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">RetrainInterval is not a time span of at least a minute.</exception>
    public static IServiceCollection AddRecommendations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(RecommendationOptions.SectionName);
        var interval = ParseInterval(section["RetrainInterval"]);
        var catalogPath = section["CatalogPath"];
        var dataDirectory = section["DataDirectory"];

        // Replaces the in-memory default that AddAuthorBotDialogs registered: the host keeps feedback on disk.
        services.AddSingleton(sp =>
        {
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var options = new RecommendationOptions
            {
                DataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory : dataDirectory, root),
                RetrainInterval = interval,
            };
            if (!string.IsNullOrWhiteSpace(catalogPath))
            {
                options.CatalogPath = catalogPath;
            }

            return options;
        });
        services.AddHostedService(sp => sp.GetRequiredService<RecommenderTrainingHostedService>());
        services.AddSingleton<RecommenderTrainingHostedService>();
        return services;
    }

    private static TimeSpan ParseInterval(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new RecommendationOptions().RetrainInterval;
        }

        if (!TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var interval) || interval < TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException(
                $"Recommendations:RetrainInterval '{configured}' is not a time span of at least one minute; use e.g. \"06:00:00\" for six hours.");
        }

        return interval;
    }
}
