namespace AuthorBot.Recommenders.Models;

/// <summary>Scores one candidate from its feature vector (higher ranks first).</summary>
internal interface IFeatureScorer
{
    int FeatureCount { get; }

    float Score(ReadOnlySpan<float> features);

    /// <summary>Scores consecutive rows of <see cref="FeatureCount"/> features; a model that can share work across rows overrides it.</summary>
    void ScoreAll(ReadOnlySpan<float> rows, Span<float> scores)
    {
        for (var r = 0; r < scores.Length; r++)
        {
            scores[r] = Score(rows.Slice(r * FeatureCount, FeatureCount));
        }
    }

    /// <summary>
    /// Per group g: Score(features) − Score(features with the features flagged in groups[g], bit f for feature f,
    /// taken from reference).
    /// </summary>
    void Lifts(ReadOnlySpan<float> features, ReadOnlySpan<float> reference, ReadOnlySpan<ulong> groups, Span<float> lifts)
    {
        var score = Score(features);
        Span<float> probe = stackalloc float[FeatureCount];
        for (var g = 0; g < groups.Length; g++)
        {
            features[..FeatureCount].CopyTo(probe);
            for (var f = 0; f < Math.Min(FeatureCount, 64); f++)
            {
                if ((groups[g] & (1UL << f)) != 0)
                {
                    probe[f] = reference[f];
                }
            }

            lifts[g] = score - Score(probe);
        }
    }
}
