using AuthorBot.Bot.Proactive;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuthorBot.Bot.Health;

/// <summary>Ready only while the proactive database (references, reminders, announcements) answers a query.</summary>
internal sealed class ProactiveDatabaseHealthCheck(ProactiveDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.ReadAsync(
                static async connection =>
                {
                    var command = connection.CreateCommand();
                    await using (command.ConfigureAwait(false))
                    {
                        command.CommandText = "SELECT 1";
                        return await command.ExecuteScalarAsync().ConfigureAwait(false);
                    }
                },
                cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The proactive database answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The proactive database cannot be read: " + ex.GetType().Name + ": " + ex.Message);
        }
    }
}
