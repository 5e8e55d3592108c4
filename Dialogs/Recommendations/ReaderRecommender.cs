using AuthorBot.Dialogs.Profile;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// The bot's one recommender: the catalogue, the durable interaction log (the single place a reader's feedback is
/// kept) and the engine over them, started on first use. Erasing a reader's history rewrites the log without them and
/// swaps in a fresh engine that keeps the model. Thread-safe.
/// </summary>
/// <remarks>
/// An erase does not wait for a training in progress: training takes seconds (minutes on a busy machine) and the
/// reader asking to be forgotten waits inside their turn, which held their conversation until the client gave up. The
/// training works on its own copy of the log; when it finishes after an erase, its model is handed to the engine now
/// serving (the engine it started from is retired), exactly as the erase itself keeps the model it found.
/// </remarks>
public sealed class ReaderRecommender : IAsyncDisposable
{
    private readonly RecommendationOptions _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private readonly SemaphoreSlim _trainGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly List<RecommenderTrainingService> _retired = [];
    private volatile Runtime? _runtime;

    /// <summary>Creates the recommender; nothing is read until it is first used.</summary>
    /// <param name="options">Where the catalogue, log and snapshots are.</param>
    /// <param name="clock">The clock for interaction and model timestamps.</param>
    public ReaderRecommender(RecommendationOptions options, TimeProvider clock)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The model in use, or null while the content and popularity path serves alone.</summary>
    public RecommenderModel? Model => _runtime?.Engine.Model;

    /// <summary>The interaction log's reader id for a reader (channels keep their own readers, as user state does).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>"{channelId}/{userId}"; channel ids hold no '/', so the id maps back to one reader.</returns>
    public static string ReaderIdOf(ReaderKey reader) => $"{reader.ChannelId}/{reader.UserId}";

    /// <summary>The catalogue.</summary>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="RecommendationsUnavailableException">The catalogue or log cannot be read.</exception>
    public async Task<BookCatalog> CatalogAsync(CancellationToken cancellationToken) =>
        (await RuntimeAsync(cancellationToken).ConfigureAwait(false)).Catalog;

    /// <summary>The catalogue's genres in readers' words.</summary>
    internal async Task<GenreVocabulary> GenresAsync(CancellationToken cancellationToken) =>
        (await RuntimeAsync(cancellationToken).ConfigureAwait(false)).Genres;

    /// <summary>Ranks books for a reader; their latest feedback is already reflected.</summary>
    /// <param name="request">Who, how many, context, genres and exclusions.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The picks with reasons.</returns>
    public async Task<IReadOnlyList<Recommendation>> RecommendAsync(RecommendationRequest request, CancellationToken cancellationToken) =>
        (await RuntimeAsync(cancellationToken).ConfigureAwait(false)).Engine.Recommend(request);

    /// <summary>Why a book would be recommended to a reader.</summary>
    /// <param name="readerId">The reader.</param>
    /// <param name="itemId">The book.</param>
    /// <param name="context">Time and channel.</param>
    /// <param name="preferredTags">The reader's genres.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The reason, or null for an unknown book.</returns>
    public async Task<string?> ExplainAsync(
        string readerId, string itemId, RecommendationContext? context, IReadOnlyCollection<string>? preferredTags, CancellationToken cancellationToken) =>
        (await RuntimeAsync(cancellationToken).ConfigureAwait(false)).Engine.Explain(readerId, itemId, context, preferredTags);

    /// <summary>Records feedback durably; the reader's next list reflects it.</summary>
    /// <param name="interaction">The feedback.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the feedback is stored.</returns>
    /// <exception cref="ArgumentException">The book is not in the catalogue.</exception>
    public async Task RecordAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        await RuntimeAsync(cancellationToken).ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _runtime!.Engine.RecordAsync(interaction, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Records durably which books a reader was shown, in order, so that the ones they ignore become negative examples
    /// when the learned ranking stage is next trained.
    /// </summary>
    /// <param name="readerId">The reader.</param>
    /// <param name="shown">The list as shown, first pick first.</param>
    /// <param name="channel">The channel it was shown on.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the impressions are stored.</returns>
    public async Task RecordImpressionsAsync(string readerId, IReadOnlyList<Recommendation> shown, string? channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shown);
        await RuntimeAsync(cancellationToken).ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _runtime!.Engine.RecordImpressionsAsync(readerId, shown, _clock.GetUtcNow(), channel, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>A reader's feedback, oldest first (what they did; the books they were merely shown are left out).</summary>
    /// <param name="readerId">The reader.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The interactions.</returns>
    public async Task<IReadOnlyList<Interaction>> HistoryAsync(string readerId, CancellationToken cancellationToken) =>
        [.. (await LoggedAsync(readerId, cancellationToken).ConfigureAwait(false)).Where(i => i.Kind != InteractionKind.Impression)];

    /// <summary>Everything the log holds about a reader, oldest first: their feedback and the books they were shown.</summary>
    /// <param name="readerId">The reader.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The interactions.</returns>
    public async Task<IReadOnlyList<Interaction>> LoggedAsync(string readerId, CancellationToken cancellationToken) =>
        (await RuntimeAsync(cancellationToken).ConfigureAwait(false)).Log.ForReader(readerId);

    /// <summary>Removes every interaction of a reader from memory and from the log file.</summary>
    /// <param name="readerId">The reader.</param>
    /// <param name="cancellationToken">Cancels before the log is rewritten.</param>
    /// <returns>True when there was something to remove.</returns>
    public async Task<bool> EraseAsync(string readerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerId);
        await RuntimeAsync(cancellationToken).ConfigureAwait(false);

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var old = _runtime!;
            if (old.Log.CountForReader(readerId) == 0)
            {
                return false;
            }

            var kept = old.Log.Snapshot().Where(i => !string.Equals(i.ReaderId, readerId, StringComparison.Ordinal)).ToList();
            var log = await RewriteLogAsync(old, kept).ConfigureAwait(false);
            _runtime = Start(old.Catalog, log, old.Engine.Model);
            Retire(old.Training);
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Loads the saved snapshot, or trains one when there is none (start-up).</summary>
    /// <param name="cancellationToken">Cancels the training.</param>
    /// <returns>The model in use.</returns>
    public async Task<RecommenderModel> EnsureModelAsync(CancellationToken cancellationToken)
    {
        var runtime = await RuntimeAsync(cancellationToken).ConfigureAwait(false);
        await _trainGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            runtime = _runtime!;
            if (runtime.Engine.Model is { } model)
            {
                return model;
            }

            var trained = runtime.Training is { } training
                ? await training.EnsureModelAsync(cancellationToken).ConfigureAwait(false)
                : await TrainInMemoryAsync(runtime, cancellationToken).ConfigureAwait(false);
            return await ServeAsync(runtime, trained).ConfigureAwait(false);
        }
        finally
        {
            DisposeRetired();
            _trainGate.Release();
        }
    }

    /// <summary>Trains on the whole log, saves the snapshot atomically (when a data folder is set) and swaps it in.</summary>
    /// <param name="cancellationToken">Cancels the training.</param>
    /// <returns>The new model.</returns>
    public async Task<RecommenderModel> RetrainAsync(CancellationToken cancellationToken)
    {
        await RuntimeAsync(cancellationToken).ConfigureAwait(false);
        await _trainGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var runtime = _runtime!;
            var trained = runtime.Training is { } training
                ? await training.RetrainAsync(cancellationToken).ConfigureAwait(false)
                : await TrainInMemoryAsync(runtime, cancellationToken).ConfigureAwait(false);
            return await ServeAsync(runtime, trained).ConfigureAwait(false);
        }
        finally
        {
            DisposeRetired();
            _trainGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_runtime is { } runtime)
        {
            runtime.Training?.Dispose();
            await runtime.Log.DisposeAsync().ConfigureAwait(false);
        }

        DisposeRetired();
        _startGate.Dispose();
        _trainGate.Dispose();
        _writeGate.Dispose();
    }

    private async Task<Runtime> RuntimeAsync(CancellationToken cancellationToken)
    {
        if (_runtime is { } ready)
        {
            return ready;
        }

        await _startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_runtime is { } started)
            {
                return started;
            }

            BookCatalog catalog;
            try
            {
                catalog = await CatalogCsv.LoadAsync(_options.ResolvedCatalogPath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CatalogFormatException)
            {
                throw new RecommendationsUnavailableException($"The book catalogue '{_options.ResolvedCatalogPath}' could not be read: {e.Message}", e);
            }

            InteractionLog log;
            try
            {
                log = await OpenLogAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RecommendationsUnavailableException($"The interaction log '{_options.InteractionLogPath}' could not be opened: {e.Message}", e);
            }

            _runtime = Start(catalog, log, model: null);
            return _runtime;
        }
        finally
        {
            _startGate.Release();
        }
    }

    private async Task<InteractionLog> OpenLogAsync(CancellationToken cancellationToken)
    {
        if (_options.InteractionLogPath is not { } path)
        {
            return new InteractionLog();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return await InteractionLog.OpenAsync(path, cancellationToken).ConfigureAwait(false);
    }

    private Runtime Start(BookCatalog catalog, InteractionLog log, RecommenderModel? model)
    {
        var engine = new RecommenderEngine(catalog, log, model);
        var training = _options.SnapshotPath is { } snapshot ? new RecommenderTrainingService(engine, snapshot, timeProvider: _clock) : null;
        return new Runtime(catalog, log, engine, training);
    }

    // A model trained on an engine an erase has since retired goes to the engine serving now, under the same gate as
    // the erase so that neither can replace the other's result; a newer model already there wins.
    private async Task<RecommenderModel> ServeAsync(Runtime trainedOn, RecommenderModel model)
    {
        await _writeGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var serving = _runtime!;
            if (!ReferenceEquals(serving, trainedOn) && (serving.Engine.Model?.Version ?? long.MinValue) < model.Version)
            {
                serving.Engine.SwapModel(model);
            }

            return serving.Engine.Model ?? model;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    // A retired engine's training service may be in the middle of a training (which releases its gate when done), so
    // it is disposed by whoever holds the training gate next, never under a training's feet.
    private void Retire(RecommenderTrainingService? training)
    {
        if (training is null)
        {
            return;
        }

        lock (_retired)
        {
            _retired.Add(training);
        }

        if (_trainGate.Wait(0))
        {
            try
            {
                DisposeRetired();
            }
            finally
            {
                _trainGate.Release();
            }
        }
    }

    private void DisposeRetired()
    {
        lock (_retired)
        {
            foreach (var training in _retired)
            {
                training.Dispose();
            }

            _retired.Clear();
        }
    }

    private async Task<RecommenderModel> TrainInMemoryAsync(Runtime runtime, CancellationToken cancellationToken)
    {
        var interactions = runtime.Log.Snapshot();
        var version = (runtime.Engine.Model?.Version ?? 0) + 1;
        var model = await Task.Run(
            () => RecommenderModelBuilder.Build(runtime.Catalog, interactions, new RecommenderTrainingOptions(), version, _clock.GetUtcNow(), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        runtime.Engine.SwapModel(model);
        return model;
    }

    private async Task<InteractionLog> RewriteLogAsync(Runtime old, IReadOnlyList<Interaction> kept)
    {
        // Not cancellable from here on: a half-rewritten log would lose other readers' feedback.
        if (_options.InteractionLogPath is not { } path)
        {
            var memory = new InteractionLog();
            foreach (var interaction in kept)
            {
                await memory.AppendAsync(interaction, CancellationToken.None).ConfigureAwait(false);
            }

            return memory;
        }

        // The library writes its own format; the kept lines go through it into a temporary file that then replaces
        // the log in one rename, so a crash leaves either the old log or the new one, never half of each.
        var temporary = path + ".rewrite";
        File.Delete(temporary);
        var rewritten = await InteractionLog.OpenAsync(temporary, CancellationToken.None).ConfigureAwait(false);
        await using (rewritten.ConfigureAwait(false))
        {
            foreach (var interaction in kept)
            {
                await rewritten.AppendAsync(interaction, CancellationToken.None).ConfigureAwait(false);
            }
        }

        await old.Log.DisposeAsync().ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return await InteractionLog.OpenAsync(path, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>What is swapped as one: the log, the engine over it and the training service bound to that engine.</summary>
    private sealed record Runtime(BookCatalog Catalog, InteractionLog Log, RecommenderEngine Engine, RecommenderTrainingService? Training)
    {
        public GenreVocabulary Genres { get; } = new(Catalog.Tags);
    }
}
