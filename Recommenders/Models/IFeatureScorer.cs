namespace AuthorBot.Recommenders.Models;

/// <summary>Scores one candidate from its feature vector (higher ranks first).</summary>
internal interface IFeatureScorer
{
    int FeatureCount { get; }

    float Score(ReadOnlySpan<float> features);
}
