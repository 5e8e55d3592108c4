using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AuthorBot.Bot.Telemetry;

/// <summary>
/// The host's own spans and metrics (announcement delivery batches and outcomes, recommender training), beside the
/// protocol library's <see cref="BotFramework.Diagnostics.BotTelemetry"/>. Static for the same reason: no state of
/// their own, one name per process.
/// </summary>
internal static class AuthorBotTelemetry
{
    public const string SourceName = "AuthorBot";

    public const string MeterName = "AuthorBot";

    /// <summary>sent, failed, cancelled, deferred, retry, skipped_quiet_hours, skipped_cap or skipped_unsubscribed.</summary>
    public const string DeliveryState = "authorbot.delivery.state";

    /// <summary>How a model came about: startup_load, startup_train or retrain.</summary>
    public const string TrainingKind = "authorbot.recommender.training";

    /// <summary>ok or failed.</summary>
    public const string TrainingOutcome = "authorbot.recommender.outcome";

    public static readonly ActivitySource Source = new(SourceName, "1.0.0");

    public static readonly Meter Meter = new(MeterName, "1.0.0");

    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "authorbot.announcements.deliveries", "{delivery}", "Announcement deliveries by what became of them: sent, failed, skipped_*, deferred, retry, cancelled.");

    public static readonly Histogram<double> TrainingDuration = Meter.CreateHistogram<double>(
        "authorbot.recommender.training.duration", "s", "How long loading or training the recommender model took, by kind and outcome.");
}
