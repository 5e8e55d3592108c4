using System.Buffers;

namespace AuthorBot.Recommenders.Ranking;

/// <summary>
/// The learned stage's view of one request: the candidates' feature rows and scores, and which features lifted a
/// candidate most. A group's lift is the score drop when the candidate's values of that group's features are replaced
/// by the mean over this request's candidates: what makes this book stand out from the others on offer.
/// </summary>
internal sealed class LearnedScores(CandidatePool pool, LearnedRanker ranker) : IDisposable
{
    private static readonly (ReasonGroup Group, int[] Features)[] _groups =
    [
        (ReasonGroup.Collaborative, [RankingFeatures.CollaborativeScore, RankingFeatures.CollaborativeRank]),
        (ReasonGroup.ItemItem, [RankingFeatures.ItemItemScore, RankingFeatures.ItemItemRank, RankingFeatures.RecentItemItem]),
        (ReasonGroup.Content, [RankingFeatures.ContentScore, RankingFeatures.ContentRank, RankingFeatures.GenreOverlap, RankingFeatures.RecentContent]),
        (ReasonGroup.NamedGenres, [RankingFeatures.NamedGenreMatches]),
        (ReasonGroup.Author, [RankingFeatures.AuthorRead]),
        (ReasonGroup.Popularity, [RankingFeatures.PopularityScore, RankingFeatures.PopularityRank, RankingFeatures.AverageRating, RankingFeatures.LogRatingsCount, RankingFeatures.LogInteractions]),
        (ReasonGroup.Context, [RankingFeatures.ContextPopularity]),
    ];

    // Bit min(f, 63) per feature of each group: the trees that test none of them cannot change its lift.
    private static readonly ulong[] _masks = [.. _groups.Select(g => g.Features.Aggregate(0UL, (mask, f) => mask | (1UL << Math.Min(f, 63))))];

    private readonly float[] _rows = ArrayPool<float>.Shared.Rent(pool.Size * RankingFeatures.Count);
    private readonly float[] _scores = ArrayPool<float>.Shared.Rent(pool.Size);
    private float[]? _mean;

    public static int GroupCount => _groups.Length;

    public CandidatePool Pool { get; } = pool;

    public Span<float> Rows => _rows.AsSpan(0, Pool.Count * RankingFeatures.Count);

    public ReadOnlySpan<float> Scores => _scores.AsSpan(0, Pool.Count);

    public void ScoreAll() => ranker.ScoreAll(Rows, _scores.AsSpan(0, Pool.Count));

    public (float Min, float Max) Range()
    {
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var s in Scores)
        {
            min = Math.Min(min, s);
            max = Math.Max(max, s);
        }

        return (min, max);
    }

    public int? SlotOf(int item)
    {
        var slot = Pool.Items.IndexOf(item);
        return slot >= 0 ? slot : null;
    }

    /// <summary>Fills each reason group's lift for a candidate, largest first (ties in group order); returns how many.</summary>
    public int Contributions(int slot, Span<(ReasonGroup Group, float Lift)> lifts)
    {
        Span<float> values = stackalloc float[_groups.Length];
        ranker.Lifts(Row(slot), Mean(), _masks, values);
        var count = Math.Min(lifts.Length, _groups.Length);
        for (var g = 0; g < count; g++)
        {
            // Insertion keeps equal lifts in group order, as a stable sort would.
            var at = g;
            while (at > 0 && lifts[at - 1].Lift < values[g])
            {
                lifts[at] = lifts[at - 1];
                at--;
            }

            lifts[at] = (_groups[g].Group, values[g]);
        }

        return count;
    }

    public void Dispose()
    {
        Pool.Dispose();
        ArrayPool<float>.Shared.Return(_rows);
        ArrayPool<float>.Shared.Return(_scores);
        if (_mean is not null)
        {
            ArrayPool<float>.Shared.Return(_mean);
        }
    }

    /// <summary>The mean candidate row, computed once per request (every pick is explained against it).</summary>
    private ReadOnlySpan<float> Mean()
    {
        if (_mean is null)
        {
            var mean = ArrayPool<float>.Shared.Rent(RankingFeatures.Count);
            mean.AsSpan(0, RankingFeatures.Count).Clear();
            for (var c = 0; c < Pool.Count; c++)
            {
                var row = Row(c);
                for (var f = 0; f < RankingFeatures.Count; f++)
                {
                    mean[f] += row[f] / Pool.Count;
                }
            }

            _mean = mean;
        }

        return _mean.AsSpan(0, RankingFeatures.Count);
    }

    private ReadOnlySpan<float> Row(int slot) => _rows.AsSpan(slot * RankingFeatures.Count, RankingFeatures.Count);
}
