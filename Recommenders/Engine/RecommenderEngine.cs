using System.Collections.Concurrent;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Content;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Recommenders.Engine;

/// <summary>
/// The recommender's front door: record what readers do and what they were shown, ask for a list with reasons.
/// Feedback takes effect on the next call (the reader is folded into the current model from their full history, and
/// read or rejected items are excluded); a retrained model is swapped in atomically with <see cref="SwapModel"/>.
/// Thread-safe.
/// </summary>
public sealed class RecommenderEngine
{
    private readonly HybridRanker _ranker;
    private readonly ConcurrentDictionary<string, FoldedReader> _folded = new(StringComparer.Ordinal);
    private long _foldIns;
    private volatile ServingModel _state;

    /// <summary>Creates an engine over a catalogue and a log, optionally with a trained model.</summary>
    public RecommenderEngine(BookCatalog catalog, InteractionLog log, RecommenderModel? model = null, HybridRankerOptions? options = null)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        Log = log ?? throw new ArgumentNullException(nameof(log));
        Content = new ContentIndex(catalog);
        Options = options ?? new HybridRankerOptions();
        _ranker = new HybridRanker(catalog, Content, Options);
        _state = new ServingModel(model, catalog);
    }

    /// <summary>The catalogue being recommended from.</summary>
    public BookCatalog Catalog { get; }

    /// <summary>The interaction log feedback is recorded in.</summary>
    public InteractionLog Log { get; }

    /// <summary>Content vectors of the catalogue.</summary>
    public ContentIndex Content { get; }

    /// <summary>Ranking options.</summary>
    public HybridRankerOptions Options { get; }

    /// <summary>The model in use (null before the first training).</summary>
    public RecommenderModel? Model => _state.Model;

    /// <summary>How many times a reader was folded into a model (the rest were served from the cache); for tests.</summary>
    internal long FoldIns => Interlocked.Read(ref _foldIns);

    /// <summary>Replaces the model in one step; requests in flight finish with the model they started with.</summary>
    public void SwapModel(RecommenderModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _state = new ServingModel(model, Catalog);
    }

    /// <summary>Records an interaction; the reader's next list reflects it.</summary>
    /// <exception cref="ArgumentException">The item is not in the catalogue or the interaction is malformed.</exception>
    public Task RecordAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (!Catalog.TryGetIndex(interaction.ItemId, out _))
        {
            throw new ArgumentException($"Item '{interaction.ItemId}' is not in the catalogue.", nameof(interaction));
        }

        return Log.AppendAsync(interaction, cancellationToken);
    }

    /// <summary>
    /// Records that a list was shown: one <see cref="InteractionKind.Impression"/> per pick, with its position and the
    /// channel. A book shown and then ignored becomes a negative example when the learned stage is next trained.
    /// </summary>
    public async Task RecordImpressionsAsync(string readerId, IReadOnlyList<Recommendation> shown, DateTimeOffset at, string? channel, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(readerId);
        ArgumentNullException.ThrowIfNull(shown);
        for (var position = 0; position < shown.Count; position++)
        {
            await RecordAsync(new Interaction(readerId, shown[position].Item.Id, InteractionKind.Impression, at, Channel: channel, Position: position), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ranks the catalogue for a reader and returns up to <see cref="RecommendationRequest.Count"/> diverse picks with reasons.</summary>
    public IReadOnlyList<Recommendation> Recommend(RecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ReaderId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Count);
        var state = _state;
        var reader = ReaderFor(request.ReaderId);
        using var scored = _ranker.Score(state, reader, ReaderVector(state, request.ReaderId, reader), request);
        var picks = _ranker.Diversify(scored, Math.Min(request.Count, Catalog.Count));
        var list = new Recommendation[picks.Count];
        for (var n = 0; n < picks.Count; n++)
        {
            var (reason, source) = _ranker.Explain(scored, picks[n], reader, state, request);
            list[n] = new Recommendation(Catalog[picks[n]], scored.Total[picks[n]], reason, source);
        }

        return list;
    }

    /// <summary>Why an item would be recommended to this reader ("why this one?"), or null when the item is unknown.</summary>
    public string? Explain(string readerId, string itemId, RecommendationContext? context = null, IReadOnlyCollection<string>? preferredTags = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(readerId);
        if (!Catalog.TryGetIndex(itemId, out var item))
        {
            return null;
        }

        var state = _state;
        var request = new RecommendationRequest(readerId, 1, context, preferredTags);
        var reader = ReaderFor(readerId);
        using var scored = _ranker.Score(state, reader, ReaderVector(state, readerId, reader), request);
        return _ranker.Explain(scored, item, reader, state, request).Reason;
    }

    private ReaderState ReaderFor(string readerId) => new(Log.ForReader(readerId), Catalog);

    private float[]? ReaderVector(ServingModel state, string readerId, ReaderState reader)
    {
        if (state.Model is not { } model)
        {
            return null;
        }

        // Keyed by the strengths the fold-in solves for, not by the log's count: every list shown adds impressions,
        // which change the count but not the vector, and re-folding after each one made every request pay the solve.
        if (_folded.TryGetValue(readerId, out var cached) && cached.Version == model.Version && cached.Strengths.AsSpan().SequenceEqual(reader.Strengths))
        {
            return cached.Vector;
        }

        var items = new int[reader.Strengths.Length];
        var strengths = new float[reader.Strengths.Length];
        var known = 0;
        foreach (var (item, strength) in reader.Strengths)
        {
            if (state.CatalogToModel[item] is var m and >= 0)
            {
                items[known] = m;
                strengths[known++] = strength;
            }
        }

        var vector = model.FoldIn(items.AsSpan(0, known), strengths.AsSpan(0, known));
        Interlocked.Increment(ref _foldIns);
        _folded[readerId] = new FoldedReader(model.Version, reader.Strengths, vector);
        return vector;
    }

    // Strengths is a fresh array per ReaderState and never written after construction, so holding it is safe.
    private sealed record FoldedReader(long Version, (int Item, float Strength)[] Strengths, float[]? Vector);
}
