using System.Diagnostics.Metrics;
using AuthorBot.Dialogs.Recommendations;

namespace AuthorBot.Bot.Telemetry;

/// <summary>
/// The age of the recommender model in use, observed when metrics are collected: a model that stops getting younger
/// means the scheduled retrain is failing. Nothing is reported while no model exists.
/// </summary>
internal sealed class RecommenderModelAgeGauge : IDisposable
{
    private readonly Meter _meter;

    public RecommenderModelAgeGauge(IMeterFactory meterFactory, ReaderRecommender recommender, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(recommender);
        ArgumentNullException.ThrowIfNull(clock);
        _meter = meterFactory.Create(AuthorBotTelemetry.MeterName);
        _meter.CreateObservableGauge(
            "authorbot.recommender.model.age",
            () => recommender.Model is { } model
                ? [new Measurement<double>((clock.GetUtcNow() - model.CreatedAt).TotalSeconds)]
                : Array.Empty<Measurement<double>>(),
            "s",
            "Seconds since the recommender model in use was trained.");
    }

    public void Dispose() => _meter.Dispose();
}
