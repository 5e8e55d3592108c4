namespace AuthorBot.Recommenders.Ranking;

/// <summary>The models candidates come from.</summary>
internal enum CandidateSource
{
    Blend,
    ItemItem,
    Collaborative,
    Content,
    Popularity,
}
