using System.Buffers;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Content;
using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Ranking;

/// <summary>
/// Ranks the catalogue for one request. The hand-set blend mixes the collaborative model, content, popularity and
/// context, leaning on content and popularity for short histories and on the collaborative model as history grows;
/// once the snapshot carries a <see cref="LearnedRanker"/>, the blend only proposes candidates (with every other
/// model) and the learned stage orders them. Then MMR diversifies the list under per-author and per-series caps, and
/// each pick is explained from the signals that lifted it most.
/// </summary>
internal sealed class HybridRanker(BookCatalog catalog, ContentIndex content, HybridRankerOptions options)
{
    private const int Components = 4;

    // Each book's primary author and series as a number (case-insensitive; −1 for none), for the diversity caps.
    private readonly int[] _authorOf = GroupIds(catalog, item => item.PrimaryAuthor is { Length: > 0 } author ? author : null);
    private readonly int[] _seriesOf = GroupIds(catalog, item => item.Series);

    public HybridRankerOptions Options => options;

    public Scored Score(ServingModel serving, ReaderState reader, float[]? readerVector, RecommendationRequest request)
    {
        var signals = RequestSignals.Compute(serving, content, reader, readerVector, request, options.PreferredTagWeight);
        var scored = new Scored(signals);
        Blend(signals, reader, scored);
        if (serving.Model?.Ranker is { } ranker && reader.Consumed.Length >= options.LearnedMinimumHistory && options.UseLearnedStage)
        {
            Rerank(serving, ranker, reader, request, scored);
        }

        return scored;
    }

    /// <summary>Fills <see cref="Scored.Blend"/> with the hand-set blend (−∞ for excluded items).</summary>
    public void Blend(RequestSignals signals, ReaderState reader, Scored scored)
    {
        var n = signals.Count;
        var share = signals.HasCollaborative ? reader.PositiveCount / (reader.PositiveCount + options.HistoryHalfSaturation) : 0f;
        var rest = 1 - share;
        var contentShare = signals.HasContent ? (signals.PopularityByTag ? options.NamedGenreContentWeight : options.ContentWeight) : 0f;
        var popularityShare = signals.HasContent ? (signals.PopularityByTag ? 1f - options.NamedGenreContentWeight : options.PopularityWeight) : 1f;
        scored.Weights[0] = share;
        scored.Weights[1] = rest * contentShare;
        scored.Weights[2] = rest * popularityShare;
        scored.Weights[3] = signals.HasContext ? options.ContextWeight : 0f;
        var excluded = signals.Excluded;
        for (var c = 0; c < Components; c++)
        {
            // A component without weight adds nothing, and its (zero) scale hides its minimum from the reasons too.
            var values = Part(signals, c);
            if (values.IsEmpty || scored.Weights[c] == 0)
            {
                scored.Minimum[c] = 0f;
                scored.Scale[c] = 0f;
                continue;
            }

            var (min, max) = MaskedVectorMath.FiniteRange(values, excluded);

            // A flat component (or none at all) scales to zeros and so drops out.
            var range = max - min;
            scored.Minimum[c] = range > 1e-9f ? min : 0f;
            scored.Scale[c] = range > 1e-9f && scored.Weights[c] != 0 ? 1f / range : 0f;
        }

        var total = scored.Blend;
        total.Clear();
        for (var c = 0; c < Components; c++)
        {
            var weight = scored.Weights[c] * scored.Scale[c];
            if (weight == 0 || Part(signals, c).IsEmpty)
            {
                continue;
            }

            MaskedVectorMath.AddShiftedFinite(total, Part(signals, c), weight, scored.Minimum[c]);
        }

        MaskedVectorMath.SetExcluded(total, excluded, float.NegativeInfinity);
        total.CopyTo(scored.Total);
    }

    /// <summary>Greedy MMR over the best candidates, with per-author and per-series caps (relaxed only if the pool runs dry).</summary>
    public List<int> Diversify(Scored scored, int count)
    {
        var capacity = Math.Max(options.CandidatePool, count * 10);
        var pool = ArrayPool<int>.Shared.Rent(capacity);

        // Each candidate's largest similarity to a pick so far, updated with each new pick only.
        var redundancy = ArrayPool<float>.Shared.Rent(capacity);

        // Candidates whose author or series reached its cap: flagged when it does, rather than looked up per candidate.
        var capped = ArrayPool<bool>.Shared.Rent(capacity);
        try
        {
            var size = Shortlist(scored, pool.AsSpan(0, capacity));
            redundancy.AsSpan(0, size).Clear();
            for (var at = 0; at < size; at++)
            {
                // A book without a known author is capped by nothing but its series.
                capped[at] = (_authorOf[pool[at]] >= 0 && options.MaxPerAuthor <= 0) || (_seriesOf[pool[at]] >= 0 && options.MaxPerSeries <= 0);
            }

            var picked = new List<int>(count);
            var lambda = options.DiversityTradeoff;
            foreach (var enforceCaps in (ReadOnlySpan<bool>)[true, false])
            {
                while (picked.Count < count)
                {
                    var best = -1;
                    var bestValue = float.NegativeInfinity;
                    for (var at = 0; at < size; at++)
                    {
                        var c = pool[at];
                        if (c < 0 || (enforceCaps && capped[at]))
                        {
                            continue;
                        }

                        var value = (lambda * scored.Total[c]) - ((1 - lambda) * redundancy[at]);
                        if (value > bestValue)
                        {
                            bestValue = value;
                            best = at;
                        }
                    }

                    if (best < 0)
                    {
                        break;
                    }

                    var chosenIndex = pool[best];
                    picked.Add(chosenIndex);
                    pool[best] = -1;
                    for (var at = 0; at < size; at++)
                    {
                        if (pool[at] >= 0)
                        {
                            redundancy[at] = Math.Max(redundancy[at], content.Similarity(pool[at], chosenIndex));
                        }
                    }

                    Cap(_authorOf, options.MaxPerAuthor);
                    Cap(_seriesOf, options.MaxPerSeries);

                    // Flags the candidates that share the new pick's author (or series) once the picks reach the cap.
                    void Cap(int[] groupOf, int limit)
                    {
                        var group = groupOf[chosenIndex];
                        if (group < 0)
                        {
                            return;
                        }

                        var taken = 0;
                        foreach (var p in picked)
                        {
                            taken += groupOf[p] == group ? 1 : 0;
                        }

                        if (taken < limit)
                        {
                            return;
                        }

                        for (var at = 0; at < size; at++)
                        {
                            if (pool[at] >= 0 && groupOf[pool[at]] == group)
                            {
                                capped[at] = true;
                            }
                        }
                    }
                }
            }

            return picked;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(pool);
            ArrayPool<float>.Shared.Return(redundancy);
            ArrayPool<bool>.Shared.Return(capped);
        }
    }

    /// <summary>
    /// A short reason for an item: from the learned stage, the group of features whose values lift the item most over
    /// a typical candidate of this list (and a second one when it lifts nearly as much); from the blend, the component
    /// that contributed most. Never a raw channel id.
    /// </summary>
    public (string Reason, RecommendationSource Source) Explain(Scored scored, int item, ReaderState reader, ServingModel serving, RecommendationRequest request)
    {
        if (scored.Learned is { } learned && learned.SlotOf(item) is { } slot)
        {
            Span<(ReasonGroup Group, float Lift)> groups = stackalloc (ReasonGroup, float)[LearnedScores.GroupCount];
            var count = learned.Contributions(slot, groups);
            if (count > 0 && groups[0].Lift > 0)
            {
                var (reason, source) = Describe(groups[0].Group, scored, item, reader, serving, request);
                if (count > 1 && groups[1].Lift >= 0.5f * groups[0].Lift)
                {
                    var (second, _) = Describe(groups[1].Group, scored, item, reader, serving, request);
                    if (!string.Equals(second, reason, StringComparison.Ordinal))
                    {
                        reason += "; " + char.ToLowerInvariant(second[0]) + second[1..];
                    }
                }

                return (reason, source);
            }
        }

        var top = 0;
        for (var c = 1; c < Components; c++)
        {
            if (scored.PartValue(c, item) > scored.PartValue(top, item))
            {
                top = c;
            }
        }

        return Describe(top switch
        {
            0 => ReasonGroup.Collaborative,
            1 => ReasonGroup.Content,
            3 => ReasonGroup.Context,
            _ => ReasonGroup.Popularity,
        }, scored, item, reader, serving, request);
    }

    private static ReadOnlySpan<float> Part(RequestSignals signals, int component) => component switch
    {
        0 => signals.HasCollaborative ? signals.Collaborative : default,
        1 => signals.HasContent ? signals.Content : default,
        2 => signals.Popularity.AsSpan(0, signals.Count),
        _ => signals.Context.AsSpan(0, signals.Count),
    } is { IsEmpty: false } values ? values : ReadOnlySpan<float>.Empty;

    private void Rerank(ServingModel serving, LearnedRanker ranker, ReaderState reader, RecommendationRequest request, Scored scored)
    {
        var signals = scored.Signals;
        var pool = CandidatePool.Select(signals, scored.Blend, ranker.Candidates);
        var learned = new LearnedScores(pool, ranker);
        scored.Learned = learned;
        RankingFeatures.Fill(serving, content, reader, request, signals, scored.Blend, pool, learned.Rows);
        learned.ScoreAll();

        // Candidates first, in the learned order scaled to [0, 1] for MMR; anything else after them, in blend order.
        var total = scored.Total;
        MaskedVectorMath.AddFinite(total, -2f);

        var (min, max) = learned.Range();
        var range = max - min;
        // The best total of the rest: MMR's shortlist needs no pass over the catalogue when the candidates beat it.
        foreach (var item in pool.Items)
        {
            total[item] = float.NegativeInfinity;
        }

        scored.OutsideBest = MaskedVectorMath.Max(total);
        for (var c = 0; c < pool.Count; c++)
        {
            total[pool.Items[c]] = range > 1e-9f ? (learned.Scores[c] - min) / range : 1f;
        }
    }

    /// <summary>
    /// The best <paramref name="shortlist"/>.Length items by <see cref="Scored.Total"/>, best first: from the learned
    /// stage's candidates alone when they fill it and its weakest still beats every other item (the same answer,
    /// without a pass over the catalogue), from every item otherwise.
    /// </summary>
    private static int Shortlist(Scored scored, Span<int> shortlist)
    {
        if (scored.Learned is { } learned && learned.Pool.Count >= shortlist.Length)
        {
            var size = TopK.SelectAmong(scored.Total, learned.Pool.Items, shortlist);
            if (size == shortlist.Length && scored.Total[shortlist[size - 1]] > scored.OutsideBest)
            {
                return size;
            }
        }

        return TopK.Select(scored.Total, scored.Signals.Excluded, shortlist);
    }

    private (string Reason, RecommendationSource Source) Describe(
        ReasonGroup group, Scored scored, int item, ReaderState reader, ServingModel serving, RecommendationRequest request)
    {
        var book = catalog[item];
        var tags = request.PreferredTags ?? [];
        var matchingTag = MatchingTag(tags, item);
        switch (group)
        {
            case ReasonGroup.Collaborative or ReasonGroup.ItemItem or ReasonGroup.Content:
                var source = group == ReasonGroup.Content ? RecommendationSource.Content : RecommendationSource.Collaborative;
                if (MostSimilarLiked(group, item, reader, serving, scored) is { } liked)
                {
                    return (group == ReasonGroup.ItemItem
                        ? $"Readers who enjoyed {catalog[liked].Title} enjoyed it too"
                        : $"Because you liked {catalog[liked].Title}", source);
                }

                if (matchingTag is not null)
                {
                    return ($"Matches your interest in {matchingTag}", RecommendationSource.Content);
                }

                return ("Readers with tastes like yours enjoyed it", source);
            case ReasonGroup.NamedGenres when matchingTag is not null:
                return ($"Matches your interest in {matchingTag}", RecommendationSource.Content);
            case ReasonGroup.Author when book.PrimaryAuthor.Length > 0 && reader.AuthorCounts.ContainsKey(book.PrimaryAuthor):
                return ($"By {book.PrimaryAuthor}, whose books you liked", RecommendationSource.Content);
            case ReasonGroup.Context when request.Context?.LocalTime is { } time && scored.Signals.HasContext:
                return ($"Popular with readers in the {DayParts.Of(time).ToString().ToLowerInvariant()}", RecommendationSource.Context);
            case ReasonGroup.Context when request.Context is { Channel: not null } context && scored.Signals.HasContext:
                return (context.ChannelName is { Length: > 0 } name ? $"Popular with readers on {name}" : "Popular with readers here", RecommendationSource.Context);
            default:
                if (book.AverageRating is >= 4.2f && group == ReasonGroup.Popularity && matchingTag is null)
                {
                    return ($"Highly rated by readers ({book.AverageRating.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} of 5)", RecommendationSource.Popularity);
                }

                var tag = matchingTag ?? (book.Tags.Count > 0 ? book.Tags[0] : null);
                return (tag is null ? "Popular with readers" : $"Popular in {tag}", RecommendationSource.Popularity);
        }
    }

    private int? MostSimilarLiked(ReasonGroup group, int item, ReaderState reader, ServingModel serving, Scored scored)
    {
        int? best = null;
        var bestSimilarity = group == ReasonGroup.ItemItem ? 0f : 0.05f;
        var itemItem = serving.Model?.ItemItem;
        var column = serving.ItemItemRow[item];
        var factors = serving.Model?.ItemFactors;
        var map = serving.CatalogToModel;
        foreach (var (liked, strength) in reader.Strengths)
        {
            if (strength <= 0.5f || liked == item)
            {
                continue;
            }

            var similarity = group switch
            {
                ReasonGroup.ItemItem when itemItem is not null && column >= 0 && serving.ItemItemRow[liked] >= 0
                    => itemItem.Weights.Weight(serving.ItemItemRow[liked], column),
                ReasonGroup.Collaborative when scored.Signals.HasCollaborative && factors is not null && map[item] >= 0 && map[liked] >= 0
                    => Cosine(factors.ItemVector(map[item]), factors.ItemVector(map[liked])),
                _ => content.Similarity(item, liked),
            };
            if (similarity > bestSimilarity)
            {
                bestSimilarity = similarity;
                best = liked;
            }
        }

        return best;
    }

    // A loop rather than FirstOrDefault with a lambda: the lambda's closure was an allocation per reason.
    private string? MatchingTag(IReadOnlyCollection<string> tags, int item)
    {
        if (tags.Count == 0)
        {
            return null;
        }

        foreach (var tag in tags)
        {
            if (content.HasTag(item, tag))
            {
                return tag;
            }
        }

        return null;
    }

    private static int[] GroupIds(BookCatalog catalog, Func<CatalogItem, string?> key)
    {
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var groups = new int[catalog.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = key(catalog[i]) is { } name ? (ids.TryGetValue(name, out var id) ? id : ids[name] = ids.Count) : -1;
        }

        return groups;
    }

    private static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var den = MathF.Sqrt(VectorMath.Dot(a, a) * VectorMath.Dot(b, b));
        return den > 0 ? VectorMath.Dot(a, b) / den : 0;
    }

    /// <summary>One request's scores; pooled buffers go back on <see cref="Dispose"/>.</summary>
    internal sealed class Scored(RequestSignals signals) : IDisposable
    {
        private readonly float[] _blend = ArrayPool<float>.Shared.Rent(signals.Count);
        private readonly float[] _total = ArrayPool<float>.Shared.Rent(signals.Count);

        public RequestSignals Signals { get; } = signals;

        /// <summary>Blend weight of each component (collaborative, content, popularity, context).</summary>
        public float[] Weights { get; } = new float[Components];

        public float[] Minimum { get; } = new float[Components];

        public float[] Scale { get; } = new float[Components];

        /// <summary>The hand-set blend per item (−∞ for excluded items).</summary>
        public Span<float> Blend => _blend.AsSpan(0, Signals.Count);

        /// <summary>What the list is chosen by: the blend, or the learned stage's order for its candidates.</summary>
        public Span<float> Total => _total.AsSpan(0, Signals.Count);

        public LearnedScores? Learned { get; set; }

        /// <summary>With the learned stage, the largest <see cref="Total"/> of any item that is not a candidate.</summary>
        public float OutsideBest { get; set; } = float.PositiveInfinity;

        /// <summary>A component's weighted, [0, 1]-scaled contribution to the blend for one item.</summary>
        public float PartValue(int component, int item)
        {
            var values = Part(Signals, component);
            return values.IsEmpty || !float.IsFinite(values[item]) ? 0f : Weights[component] * Scale[component] * (values[item] - Minimum[component]);
        }

        public void Dispose()
        {
            Learned?.Dispose();
            Signals.Dispose();
            ArrayPool<float>.Shared.Return(_blend);
            ArrayPool<float>.Shared.Return(_total);
        }
    }
}
