namespace AuthorBot.Recommenders.Engine;

/// <summary>
/// Retrains the engine's model from its interaction log, saves the snapshot and swaps it in. The host calls
/// <see cref="EnsureModelAsync"/> at start-up and <see cref="RetrainAsync"/> on a schedule; overlapping calls wait
/// for each other rather than train twice at once.
/// </summary>
public sealed class RecommenderTrainingService : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    /// <summary>Creates the service. <paramref name="snapshotPath"/> is where snapshots are saved and loaded.</summary>
    public RecommenderTrainingService(RecommenderEngine engine, string snapshotPath, RecommenderTrainingOptions? options = null, TimeProvider? timeProvider = null)
    {
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
        ArgumentException.ThrowIfNullOrEmpty(snapshotPath);
        SnapshotPath = snapshotPath;
        Options = options ?? new RecommenderTrainingOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The engine whose model is replaced.</summary>
    public RecommenderEngine Engine { get; }

    /// <summary>Where snapshots live.</summary>
    public string SnapshotPath { get; }

    /// <summary>Training options.</summary>
    public RecommenderTrainingOptions Options { get; }

    /// <summary>Loads the saved snapshot if there is a readable one; otherwise trains. Returns the model in use.</summary>
    public async Task<RecommenderModel> EnsureModelAsync(CancellationToken cancellationToken = default)
    {
        if (await TryLoadSnapshotAsync(cancellationToken).ConfigureAwait(false) is { } loaded)
        {
            return loaded;
        }

        return await RetrainAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads and swaps in the saved snapshot; null when there is none or it cannot be read (it is left in place).</summary>
    public async Task<RecommenderModel?> TryLoadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(SnapshotPath))
        {
            return null;
        }

        try
        {
            var model = await ModelSnapshotFile.LoadAsync(SnapshotPath, cancellationToken).ConfigureAwait(false);
            Engine.SwapModel(model);
            return model;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Trains on a snapshot of the log (off the caller's thread), saves atomically, then swaps the model in.</summary>
    public async Task<RecommenderModel> RetrainAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var interactions = Engine.Log.Snapshot();
            var version = (Engine.Model?.Version ?? 0) + 1;
            var model = await Task.Run(
                () => RecommenderModelBuilder.Build(Engine.Catalog, interactions, Options, version, _time.GetUtcNow(), cancellationToken),
                cancellationToken).ConfigureAwait(false);
            await ModelSnapshotFile.SaveAsync(model, SnapshotPath, cancellationToken).ConfigureAwait(false);
            Engine.SwapModel(model);
            return model;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
