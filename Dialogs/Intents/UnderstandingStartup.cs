using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthorBot.Dialogs.Intents;

/// <summary>
/// Trains the intent classifier when the host starts (shipped examples, the author's, labelled misses), so the first
/// reader does not wait for it, and a broken examples file stops start-up with its name instead of failing a turn.
/// </summary>
/// <param name="understanding">The service that trains on first use.</param>
/// <param name="logger">Start-up log.</param>
internal sealed partial class UnderstandingStartup(ReaderUnderstanding understanding, ILogger<UnderstandingStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var classifier = await understanding.GetClassifierAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        LogTrained(logger, classifier.Intents.Count, classifier.ExampleCount, watch.ElapsedMilliseconds);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Intent classifier ready: {Intents} intents from {Examples} examples in {Milliseconds} ms")]
    private static partial void LogTrained(ILogger logger, int intents, int examples, long milliseconds);
}
