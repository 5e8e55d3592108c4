using System.Globalization;
using System.Threading.Channels;
using AuthorBot.BotFramework.Builder;
using AuthorBot.Understanding.Writing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthorBot.Dialogs.Writing;

/// <summary>
/// Analyses long manuscripts outside the turn that brought them, one at a time, so a 100,000-word upload neither holds
/// the chat's HTTP request nor competes with readers' turns for both cores. Progress goes to the conversation at each
/// quarter, then the feedback card; the draft's figures are kept for "compare with my last draft".
/// </summary>
internal sealed partial class WritingJobs(WritingAnalyzer analyzer, WritingDraftStore drafts, TimeProvider clock, ILogger<WritingJobs> logger) : BackgroundService
{
    /// <summary>Manuscripts that may wait; more are refused with a "try again shortly".</summary>
    private const int QueueLength = 8;

    private readonly Channel<WritingJob> _queue = Channel.CreateBounded<WritingJob>(new BoundedChannelOptions(QueueLength) { SingleReader = true });

    /// <summary>Queues <paramref name="job"/>; false when the queue is full.</summary>
    public bool TryEnqueue(WritingJob job) => _queue.Writer.TryWrite(job);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await RunAsync(job, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception, job.Words);
                await PostAsync(job, MessageFactory.Text("Sorry, I couldn't finish reading that manuscript. Please try again, or send it in parts."), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunAsync(WritingJob job, CancellationToken cancellationToken)
    {
        // The analysis reports twenty steps; the chat hears of each quarter, in order, while the work goes on.
        var quarters = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var lastQuarter = 0;
        var progress = new InlineProgress(percent =>
        {
            var quarter = percent / 25;
            if (quarter > lastQuarter && percent < 100)
            {
                lastQuarter = quarter;
                quarters.Writer.TryWrite(quarter * 25);
            }
        });
        var analysis = Task.Run(
            () =>
            {
                try
                {
                    return analyzer.Analyze(job.Text, progress, cancellationToken);
                }
                finally
                {
                    quarters.Writer.TryComplete();
                }
            },
            cancellationToken);
        await foreach (var percent in quarters.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await PostAsync(job, MessageFactory.Text(string.Create(CultureInfo.InvariantCulture, $"Reading your manuscript: {percent} % of {job.Words:N0} words done…")), cancellationToken).ConfigureAwait(false);
        }

        var report = await analysis.ConfigureAwait(false);
        await drafts.AddAsync(job.Author, DraftFigures.Of(report, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        await PostAsync(job, WritingCards.Feedback(report), cancellationToken).ConfigureAwait(false);
    }

    private async Task PostAsync(WritingJob job, BotFramework.Schema.Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await job.Adapter.ContinueConversationAsync(
                job.Reference,
                async (turnContext, ct) => await turnContext.SendActivityAsync(activity, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPostFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Analysing a manuscript of {Words} words failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, int words);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting writing feedback to the conversation failed")]
    private static partial void LogPostFailed(ILogger logger, Exception exception);

    /// <summary>Reports on the analysing thread, at once (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
