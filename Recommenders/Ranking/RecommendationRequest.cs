namespace AuthorBot.Recommenders.Ranking;

/// <summary>What the caller wants recommended.</summary>
/// <param name="ReaderId">The reader (same id as in their interactions).</param>
/// <param name="Count">How many picks.</param>
/// <param name="Context">Time and channel, when known.</param>
/// <param name="PreferredTags">Genres or tags the reader said they like (their profile), used most when history is short.</param>
/// <param name="ExcludeItemIds">Items to leave out besides those the reader has read or rejected (e.g. already shown).</param>
/// <param name="Reader">What the reader told about themselves, when anything.</param>
public sealed record RecommendationRequest(
    string ReaderId,
    int Count = 5,
    RecommendationContext? Context = null,
    IReadOnlyCollection<string>? PreferredTags = null,
    IReadOnlyCollection<string>? ExcludeItemIds = null,
    ReaderTraits? Reader = null);
