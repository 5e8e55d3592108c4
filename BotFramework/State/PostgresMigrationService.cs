using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AuthorBot.BotFramework.State;

/// <summary>
/// Migrates the state table as the host starts, without holding start-up: while the database is down the host serves
/// (health reports not ready, turns apologise) and this tries again with a growing pause, up to once a minute.
/// </summary>
internal sealed partial class PostgresMigrationService(PostgresStorage storage, ILogger<PostgresMigrationService> logger) : BackgroundService
{
    private static readonly TimeSpan _longestPause = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await storage.MigrateAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogNotReady(logger, pause.TotalSeconds, ex.Message);
            }

            try
            {
                await Task.Delay(pause, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, _longestPause.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is not reachable for the state migration yet; trying again in {Seconds} s: {Reason}")]
    private static partial void LogNotReady(ILogger logger, double seconds, string reason);
}
