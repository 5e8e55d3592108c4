using System.Diagnostics;
using AuthorBot.Bot.Telemetry;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Recommenders.Engine;

namespace AuthorBot.Bot.Recommendations;

/// <summary>
/// Gives the recommender a model without holding up start-up: in the background it loads the saved snapshot, or
/// trains one when there is none (until then the content and popularity path serves), then retrains from the
/// interaction log every <see cref="RecommendationOptions.RetrainInterval"/>. Each new snapshot is written to a
/// temporary file, renamed into place and swapped into the engine in one step.
/// </summary>
internal sealed partial class RecommenderTrainingHostedService : BackgroundService
{
    private readonly ReaderRecommender _recommender;
    private readonly RecommendationOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<RecommenderTrainingHostedService> _logger;
    private readonly TaskCompletionSource<RecommenderModel?> _firstModel = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<RecommenderModel> _nextRetrain = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecommenderTrainingHostedService(ReaderRecommender recommender, RecommendationOptions options, TimeProvider clock, ILogger<RecommenderTrainingHostedService> logger)
    {
        _recommender = recommender ?? throw new ArgumentNullException(nameof(recommender));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Completes with the start-up model (loaded or trained), or null when start-up training failed.</summary>
    public Task<RecommenderModel?> FirstModel => _firstModel.Task;

    /// <summary>Completes with the model of the next scheduled retrain.</summary>
    public Task<RecommenderModel> NextRetrain => Volatile.Read(ref _nextRetrain).Task;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Training takes seconds; yield so the host finishes starting and serves turns meanwhile.
        await Task.Yield();
        await StartUpAsync(stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(_options.RetrainInterval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RetrainAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the last snapshot on disk stays valid.
        }
    }

    private async Task StartUpAsync(CancellationToken stoppingToken)
    {
        var hadSnapshot = _options.SnapshotPath is { } path && File.Exists(path);
        var started = Stopwatch.GetTimestamp();
        var kind = hadSnapshot ? "startup_load" : "startup_train";
        try
        {
            var model = await _recommender.EnsureModelAsync(stoppingToken).ConfigureAwait(false);
            RecordTraining(started, kind, "ok");
            LogReady(hadSnapshot ? "loaded" : "trained", model.Version, _options.SnapshotPath ?? "(memory)");
            _firstModel.TrySetResult(model);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _firstModel.TrySetCanceled(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Recommendations still work from content and popularity; the next scheduled retrain tries again.
            RecordTraining(started, kind, "failed");
            LogStartUpFailed(e);
            _firstModel.TrySetResult(null);
        }
    }

    private async Task RetrainAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var model = await _recommender.RetrainAsync(stoppingToken).ConfigureAwait(false);
            RecordTraining(started, "retrain", "ok");
            LogRetrained(model.Version);
            Interlocked.Exchange(ref _nextRetrain, new TaskCompletionSource<RecommenderModel>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(model);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Keep serving the model we have; one failed retrain must not stop the schedule.
            RecordTraining(started, "retrain", "failed");
            LogRetrainFailed(e);
        }
    }

    private static void RecordTraining(long started, string kind, string outcome) =>
        AuthorBotTelemetry.TrainingDuration.Record(
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>(AuthorBotTelemetry.TrainingKind, kind),
            new KeyValuePair<string, object?>(AuthorBotTelemetry.TrainingOutcome, outcome));

    [LoggerMessage(Level = LogLevel.Information, Message = "Recommender model {How} (version {Version}, snapshot {Path})")]
    private partial void LogReady(string how, long version, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The recommender could not load or train a model at start-up; content and popularity serve until the next retrain")]
    private partial void LogStartUpFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recommender retrained: model version {Version} swapped in")]
    private partial void LogRetrained(long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled recommender retrain failed; the previous model stays in use")]
    private partial void LogRetrainFailed(Exception exception);
}
