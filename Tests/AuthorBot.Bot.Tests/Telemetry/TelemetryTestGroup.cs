namespace AuthorBot.Bot.Tests.Telemetry;

/// <summary>
/// Spans and metrics are collected by source and meter name across the process, so tests that count them run alone,
/// after the parallel ones, with no other host's turns in their numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestGroup
{
    public const string Name = "Telemetry (not parallel)";
}
