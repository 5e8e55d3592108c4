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

    private readonly float[] _rows = ArrayPool<float>.Shared.Rent(pool.Size * RankingFeatures.Count);
    private readonly float[] _scores = ArrayPool<float>.Shared.Rent(pool.Size);

    public CandidatePool Pool { get; } = pool;

    public Span<float> Rows => _rows.AsSpan(0, Pool.Count * RankingFeatures.Count);

    public ReadOnlySpan<float> Scores => _scores.AsSpan(0, Pool.Count);

    public void ScoreAll()
    {
        for (var c = 0; c < Pool.Count; c++)
        {
            _scores[c] = ranker.Score(Row(c));
        }
    }

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

    /// <summary>Each reason group's lift for a candidate, largest first.</summary>
    public List<(ReasonGroup Group, float Lift)> Contributions(int slot)
    {
        var mean = new float[RankingFeatures.Count];
        for (var c = 0; c < Pool.Count; c++)
        {
            var row = Row(c);
            for (var f = 0; f < mean.Length; f++)
            {
                mean[f] += row[f] / Pool.Count;
            }
        }

        var own = Row(slot);
        var score = _scores[slot];
        var probe = own.ToArray();
        var lifts = new List<(ReasonGroup, float)>(_groups.Length);
        foreach (var (group, features) in _groups)
        {
            foreach (var f in features)
            {
                probe[f] = mean[f];
            }

            lifts.Add((group, score - ranker.Score(probe)));
            foreach (var f in features)
            {
                probe[f] = own[f];
            }
        }

        return [.. lifts.OrderByDescending(l => l.Item2)];
    }

    public void Dispose()
    {
        Pool.Dispose();
        ArrayPool<float>.Shared.Return(_rows);
        ArrayPool<float>.Shared.Return(_scores);
    }

    private ReadOnlySpan<float> Row(int slot) => _rows.AsSpan(slot * RankingFeatures.Count, RankingFeatures.Count);
}
