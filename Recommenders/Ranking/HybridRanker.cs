using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Content;
using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Ranking;

/// <summary>
/// Blends the collaborative model, content and popularity (with context) into one score per item, leaning on content
/// and popularity for short histories and on the collaborative model as history grows; then diversifies the list with
/// MMR under per-author and per-series caps and explains each pick.
/// </summary>
internal sealed class HybridRanker(BookCatalog catalog, ContentIndex content, HybridRankerOptions options)
{
    private const int Components = 4;

    /// <summary>Per-item component scores (each scaled to [0, 1]) and their weights for one request.</summary>
    internal sealed class Scored
    {
        public required float[][] Parts { get; init; }

        public required float[] Weights { get; init; }

        public required float[] Total { get; init; }

        public required float[]? ReaderVector { get; init; }

        public required bool[] Excluded { get; init; }
    }

    public Scored Score(RecommenderModel? model, int[] catalogToModel, ReaderState reader, float[]? readerVector, RecommendationRequest request)
    {
        var n = catalog.Count;
        var excluded = new bool[n];
        foreach (var item in reader.Excluded)
        {
            excluded[item] = true;
        }

        foreach (var id in request.ExcludeItemIds ?? [])
        {
            if (catalog.TryGetIndex(id, out var item))
            {
                excluded[item] = true;
            }
        }

        var collaborative = new float[n];
        var hasCollaborative = readerVector is not null && model?.ItemFactors is not null;
        if (hasCollaborative)
        {
            var factors = model!.ItemFactors!;
            for (var i = 0; i < n; i++)
            {
                var m = catalogToModel[i];
                collaborative[i] = m < 0 ? float.NaN : VectorMath.Dot(readerVector, factors.ItemVector(m));
            }
        }

        var tags = request.PreferredTags ?? [];
        var contentScores = new float[n];
        var hasContent = reader.Strengths.Length > 0 || tags.Count > 0;
        if (hasContent)
        {
            var profile = content.Profile(reader.Strengths.Select(s => (s.Item, s.Strength)), tags, options.PreferredTagWeight);
            content.Score(profile, contentScores);
        }

        var popularity = new float[n];
        var contextual = new float[n];
        var context = request.Context ?? RecommendationContext.None;
        for (var i = 0; i < n; i++)
        {
            var item = catalog[i];
            var prior = MathF.Log(1 + item.RatingsCount) + (item.AverageRating is { } r ? 2f * (r - 3.5f) : 0f);
            var m = catalogToModel[i];
            popularity[i] = prior + (model is not null && m >= 0 ? 2f * MathF.Log(1 + model.Popularity[m]) : 0f);
            if (model is not null && m >= 0)
            {
                if (context.LocalTime is { } time)
                {
                    contextual[i] += MathF.Log(1 + model.DayPartPopularity(DayParts.Of(time))[m]);
                }

                if (context.Channel is { } channel && model.ChannelPopularity(channel) is { Length: > 0 } perChannel)
                {
                    contextual[i] += MathF.Log(1 + perChannel[m]);
                }
            }
        }

        float[][] parts = [collaborative, contentScores, popularity, contextual];
        foreach (var part in parts)
        {
            Rescale(part, excluded);
        }

        var share = hasCollaborative ? reader.PositiveCount / (reader.PositiveCount + options.HistoryHalfSaturation) : 0f;
        var rest = 1 - share;
        var contentShare = hasContent ? options.ContentWeight : 0f;
        var popularityShare = hasContent ? options.PopularityWeight : 1f;
        float[] weights = [share, rest * contentShare, rest * popularityShare, options.ContextWeight];
        var total = new float[n];
        for (var i = 0; i < n; i++)
        {
            float s = 0;
            for (var c = 0; c < Components; c++)
            {
                s += weights[c] * parts[c][i];
            }

            total[i] = excluded[i] ? float.NegativeInfinity : s;
        }

        return new Scored { Parts = parts, Weights = weights, Total = total, ReaderVector = readerVector, Excluded = excluded };
    }

    /// <summary>Greedy MMR over the best candidates, with per-author and per-series caps (relaxed only if the pool runs dry).</summary>
    public List<int> Diversify(Scored scored, int count)
    {
        var pool = new int[Math.Max(options.CandidatePool, count * 10)];
        var size = TopK.Select(scored.Total, scored.Excluded, pool);
        var candidates = pool[..size].ToList();
        var picked = new List<int>(count);
        var authors = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var series = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lambda = options.DiversityTradeoff;
        foreach (var enforceCaps in new[] { true, false })
        {
            while (picked.Count < count)
            {
                var best = -1;
                var bestValue = float.NegativeInfinity;
                foreach (var c in candidates)
                {
                    var item = catalog[c];
                    if (enforceCaps
                        && (authors.GetValueOrDefault(item.PrimaryAuthor) >= options.MaxPerAuthor
                            || (item.Series is { } s && series.GetValueOrDefault(s) >= options.MaxPerSeries)))
                    {
                        continue;
                    }

                    var redundancy = 0f;
                    foreach (var p in picked)
                    {
                        redundancy = Math.Max(redundancy, content.Similarity(c, p));
                    }

                    var value = (lambda * scored.Total[c]) - ((1 - lambda) * redundancy);
                    if (value > bestValue)
                    {
                        bestValue = value;
                        best = c;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                picked.Add(best);
                candidates.Remove(best);
                var chosen = catalog[best];
                authors[chosen.PrimaryAuthor] = authors.GetValueOrDefault(chosen.PrimaryAuthor) + 1;
                if (chosen.Series is { } name)
                {
                    series[name] = series.GetValueOrDefault(name) + 1;
                }
            }
        }

        return picked;
    }

    /// <summary>A short reason for an item, from the component that contributed most.</summary>
    public (string Reason, RecommendationSource Source) Explain(
        Scored scored, int item, ReaderState reader, RecommenderModel? model, int[] catalogToModel, RecommendationRequest request)
    {
        var top = 0;
        for (var c = 1; c < Components; c++)
        {
            if (scored.Weights[c] * scored.Parts[c][item] > scored.Weights[top] * scored.Parts[top][item])
            {
                top = c;
            }
        }

        var source = (RecommendationSource)top;
        var tags = request.PreferredTags ?? [];
        var matchingTag = tags.FirstOrDefault(t => content.HasTag(item, t));
        switch (source)
        {
            case RecommendationSource.Collaborative or RecommendationSource.Content:
                if (MostSimilarLiked(item, reader, model, catalogToModel, source) is { } liked)
                {
                    return ($"Because you liked {catalog[liked].Title}", source);
                }

                if (matchingTag is not null)
                {
                    return ($"Matches your interest in {matchingTag}", RecommendationSource.Content);
                }

                return ("Readers with tastes like yours enjoyed it", source);
            case RecommendationSource.Context when request.Context?.LocalTime is { } time:
                return ($"Popular with readers in the {DayParts.Of(time).ToString().ToLowerInvariant()}", source);
            case RecommendationSource.Context when request.Context?.Channel is { } channel:
                return ($"Popular with readers on {channel}", source);
            default:
                var tag = matchingTag ?? (catalog[item].Tags.Count > 0 ? catalog[item].Tags[0] : null);
                return (tag is null ? "Popular with readers" : $"Popular in {tag}", RecommendationSource.Popularity);
        }
    }

    private int? MostSimilarLiked(int item, ReaderState reader, RecommenderModel? model, int[] catalogToModel, RecommendationSource source)
    {
        int? best = null;
        var bestSimilarity = 0.05f;
        foreach (var (liked, strength) in reader.Strengths)
        {
            if (strength <= 0.5f || liked == item)
            {
                continue;
            }

            var similarity = source == RecommendationSource.Collaborative && model?.ItemFactors is { } f && catalogToModel[item] >= 0 && catalogToModel[liked] >= 0
                ? Cosine(f.ItemVector(catalogToModel[item]), f.ItemVector(catalogToModel[liked]))
                : content.Similarity(item, liked);
            if (similarity > bestSimilarity)
            {
                bestSimilarity = similarity;
                best = liked;
            }
        }

        return best;
    }

    private static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var den = MathF.Sqrt(VectorMath.Dot(a, a) * VectorMath.Dot(b, b));
        return den > 0 ? VectorMath.Dot(a, b) / den : 0;
    }

    /// <summary>Min-max scales a component to [0, 1] over the candidates; a flat component becomes all zeros.</summary>
    private static void Rescale(float[] values, bool[] excluded)
    {
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            if (!excluded[i] && float.IsFinite(values[i]))
            {
                min = Math.Min(min, values[i]);
                max = Math.Max(max, values[i]);
            }
        }

        var range = max - min;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = range > 1e-9f && float.IsFinite(values[i]) ? (values[i] - min) / range : 0f;
        }
    }
}
