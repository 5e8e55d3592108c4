namespace AuthorBot.Recommenders.Ranking;

/// <summary>Which signal contributed most to a pick.</summary>
public enum RecommendationSource
{
    /// <summary>The learned collaborative model (readers with similar tastes).</summary>
    Collaborative,

    /// <summary>Content similarity to what the reader liked or the genres they chose.</summary>
    Content,

    /// <summary>Overall popularity.</summary>
    Popularity,

    /// <summary>Popularity at this time of day or on this channel.</summary>
    Context,
}
