using System.Globalization;
using AuthorBot.Bot.Recommendations;
using AuthorBot.Dialogs.Recommendations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuthorBot.Bot.Health;

/// <summary>
/// Ready while the recommender has a model or is still making its first one; not ready once start-up training has
/// failed and no model has been trained since (recommendations then come from content and popularity alone).
/// </summary>
internal sealed class RecommenderHealthCheck(ReaderRecommender recommender, RecommenderTrainingHostedService training) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (recommender.Model is { } model)
        {
            return Task.FromResult(HealthCheckResult.Healthy(string.Create(
                CultureInfo.InvariantCulture, $"Model version {model.Version} from {model.CreatedAt:u} is loaded.")));
        }

        return Task.FromResult(training.FirstModel.IsCompleted
            ? HealthCheckResult.Unhealthy("No recommender model: loading or training it at start-up failed (see the log); the next scheduled retrain tries again.")
            : HealthCheckResult.Healthy("The first recommender model is being loaded or trained."));
    }
}
