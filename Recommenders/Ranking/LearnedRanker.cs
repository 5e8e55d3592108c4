using AuthorBot.Recommenders.Models;

namespace AuthorBot.Recommenders.Ranking;

/// <summary>
/// The learned ranking stage of a snapshot: re-scores the top candidates of the own models from
/// <see cref="RankingFeatures"/>. Trained with ML.NET (LightGbm LambdaRank) and served from <see cref="Trees"/>.
/// </summary>
public sealed class LearnedRanker
{
    private readonly IFeatureScorer _scorer;

    /// <summary>A tree-ensemble stage (the served kind, which snapshots carry).</summary>
    /// <param name="trees">The trained trees over <see cref="RankingFeatures.Count"/> features.</param>
    /// <param name="candidates">How many candidates a request re-ranks.</param>
    /// <exception cref="ArgumentException">The trees expect another feature layout.</exception>
    public LearnedRanker(TreeEnsemble trees, int candidates)
        : this(trees, "LightGbm LambdaRank", candidates)
    {
    }

    internal LearnedRanker(IFeatureScorer scorer, string trainer, int candidates)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(candidates);
        if (scorer.FeatureCount != RankingFeatures.Count)
        {
            throw new ArgumentException($"The ranker expects {scorer.FeatureCount} features; this build computes {RankingFeatures.Count}.", nameof(scorer));
        }

        _scorer = scorer;
        Trainer = trainer;
        Candidates = candidates;
    }

    /// <summary>The trees, or null when the stage is another kind of model (measured offline, never snapshotted).</summary>
    public TreeEnsemble? Trees => _scorer as TreeEnsemble;

    /// <summary>Which trainer produced it.</summary>
    public string Trainer { get; }

    /// <summary>How many candidates a request re-ranks.</summary>
    public int Candidates { get; }

    internal float Score(ReadOnlySpan<float> features) => _scorer.Score(features);

    internal void ScoreAll(ReadOnlySpan<float> rows, Span<float> scores) => _scorer.ScoreAll(rows, scores);

    internal void Lifts(ReadOnlySpan<float> features, ReadOnlySpan<float> reference, ReadOnlySpan<ulong> groups, Span<float> lifts) =>
        _scorer.Lifts(features, reference, groups, lifts);
}
