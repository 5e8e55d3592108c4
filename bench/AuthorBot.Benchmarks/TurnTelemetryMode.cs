namespace AuthorBot.Benchmarks;

/// <summary>How the signup benchmark wires turn telemetry.</summary>
public enum TurnTelemetryMode
{
    /// <summary>No turn middleware, no measured storage: the baseline.</summary>
    Off,

    /// <summary>
    /// The host's default (telemetry enabled, no exporter configured): the turn middleware first and storage measured,
    /// and no OpenTelemetry provider, because the host registers none when nothing would export.
    /// </summary>
    NoExporter,

    /// <summary>
    /// As <see cref="NoExporter"/> with OpenTelemetry's tracer and meter providers listening to AuthorBot's source
    /// and meter but no exporter: spans sampled, tagged and finished, metrics aggregated, nothing sent anywhere. The
    /// cost an exporter adds on top of this happens off the turn (batching).
    /// </summary>
    Listening,
}
