using AuthorBot.BotFramework.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;

namespace AuthorBot.Bot.Health;

/// <summary>Ready only while the bot state store answers a read: without it no turn can load or save a conversation.</summary>
internal sealed class StateStorageHealthCheck(IStorage storage) : IHealthCheck
{
    private static readonly string[] _probeKey = ["healthz/probe"];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A probe every minute is not a storage operation anyone needs to see in the traces.
        using var quiet = SuppressInstrumentationScope.Begin();
        try
        {
            await storage.ReadAsync(_probeKey, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The bot state store answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The bot state store cannot be read: " + ex.GetType().Name + ": " + ex.Message);
        }
    }
}
