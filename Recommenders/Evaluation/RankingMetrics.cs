namespace AuthorBot.Recommenders.Evaluation;

/// <summary>
/// Top-N ranking metrics for one reader, with the definitions gorse's ranking benchmark uses so results compare with
/// its table: precision divides by the list length, recall and average precision by the number of relevant items,
/// and the ideal DCG counts min(relevant, list length) hits.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Share of the list that is relevant.</summary>
    public static double Precision(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        return ranked.Length == 0 ? 0 : (double)Hits(ranked, relevant) / ranked.Length;
    }

    /// <summary>Share of the relevant items that made the list.</summary>
    public static double Recall(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        return relevant.Count == 0 ? 0 : (double)Hits(ranked, relevant) / relevant.Count;
    }

    /// <summary>Normalized discounted cumulative gain with binary relevance.</summary>
    public static double Ndcg(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        double ideal = 0;
        for (var n = 0; n < Math.Min(relevant.Count, ranked.Length); n++)
        {
            ideal += 1.0 / Math.Log2(n + 2);
        }

        double dcg = 0;
        for (var n = 0; n < ranked.Length; n++)
        {
            if (relevant.Contains(ranked[n]))
            {
                dcg += 1.0 / Math.Log2(n + 2);
            }
        }

        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>Average precision, divided by the number of relevant items as gorse does.</summary>
    public static double AveragePrecision(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        double sum = 0;
        var hits = 0;
        for (var n = 0; n < ranked.Length; n++)
        {
            if (relevant.Contains(ranked[n]))
            {
                hits++;
                sum += (double)hits / (n + 1);
            }
        }

        return relevant.Count == 0 ? 0 : sum / relevant.Count;
    }

    /// <summary>Reciprocal rank of the first relevant item, 0 when none made the list.</summary>
    public static double ReciprocalRank(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        for (var n = 0; n < ranked.Length; n++)
        {
            if (relevant.Contains(ranked[n]))
            {
                return 1.0 / (n + 1);
            }
        }

        return 0;
    }

    /// <summary>1 when the single held-out item is in the list (leave-one-out hit rate).</summary>
    public static double Hit(ReadOnlySpan<int> ranked, int heldOut) => ranked.Contains(heldOut) ? 1 : 0;

    /// <summary>NDCG of a single held-out item: 1/log2(rank + 1), 0 when it is not in the list.</summary>
    public static double HitNdcg(ReadOnlySpan<int> ranked, int heldOut)
    {
        var at = ranked.IndexOf(heldOut);
        return at < 0 ? 0 : 1.0 / Math.Log2(at + 2);
    }

    private static int Hits(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant)
    {
        var hits = 0;
        foreach (var item in ranked)
        {
            hits += relevant.Contains(item) ? 1 : 0;
        }

        return hits;
    }
}
