using AuthorBot.Recommenders.Content;
using AuthorBot.Recommenders.Engine;

namespace AuthorBot.Recommenders.Ranking;

/// <summary>
/// What the learned stage knows about a (reader, candidate) pair: each model's score and rank, the reader's history
/// length and genre overlap, whether they read the author, popularity and average rating, the recency of the reader's
/// interactions and the candidate's similarity to their latest books, the time and channel, and the reader's
/// demographics when known. Training and serving fill the same vector through <see cref="Fill"/>, so they cannot
/// drift apart. Unknown values are −1 rather than NaN: the trees then never need a missing-value rule.
/// </summary>
internal static class RankingFeatures
{
    /// <summary>Changes whenever the layout changes; a snapshot with another layout has its learned stage dropped.</summary>
    public const int Version = 1;

    public const int CollaborativeScore = 0;
    public const int CollaborativeRank = 1;
    public const int ItemItemScore = 2;
    public const int ItemItemRank = 3;
    public const int ContentScore = 4;
    public const int ContentRank = 5;
    public const int PopularityScore = 6;
    public const int PopularityRank = 7;
    public const int BlendScore = 8;
    public const int BlendRank = 9;
    public const int AverageRating = 10;
    public const int LogRatingsCount = 11;
    public const int HistoryLength = 12;
    public const int NegativeCount = 13;
    public const int ConsumedCount = 14;
    public const int GenreOverlap = 15;
    public const int NamedGenreMatches = 16;
    public const int AuthorRead = 17;
    public const int RecentItemItem = 18;
    public const int RecentContent = 19;
    public const int DaysSinceLastInteraction = 20;
    public const int ItemAgeYears = 21;
    public const int ContextPopularity = 22;
    public const int TimesShown = 23;
    public const int ReaderAge = 24;
    public const int ReaderGender = 25;
    public const int DayPartOfRequest = 26;
    public const int LogInteractions = 27;

    public const int Count = 28;

    public static readonly string[] Names =
    [
        "collaborative score", "collaborative rank", "item-to-item score", "item-to-item rank", "content score", "content rank",
        "popularity", "popularity rank", "blend score", "blend rank", "average rating", "log ratings count",
        "history length", "negative count", "books picked up", "genre overlap", "named genres matched", "author read",
        "item-to-item from latest books", "content from latest books", "days since last interaction", "item age (years)",
        "context popularity", "times shown", "reader age", "reader gender", "part of day", "log interactions",
    ];

    /// <summary>Fills one row of <see cref="Count"/> features per candidate into <paramref name="rows"/>.</summary>
    public static void Fill(
        ServingModel serving, ContentIndex content, ReaderState reader, RecommendationRequest request, RequestSignals signals,
        ReadOnlySpan<float> blend, CandidatePool pool, Span<float> rows)
    {
        var catalog = serving.Catalog;
        var context = request.Context ?? RecommendationContext.None;
        var asked = context.LocalTime;
        var days = asked is { } now && reader.LastInteraction is { } last ? (float)Math.Max(0, (now - last).TotalDays) : -1f;
        var traits = request.Reader;
        var gender = traits?.Gender?.Trim().ToUpperInvariant() switch
        {
            null or "" => 0f,
            "M" or "MALE" => 1f,
            "F" or "FEMALE" => 2f,
            _ => 3f,
        };
        string[] tags = request.PreferredTags is { } named ? [.. named] : [];
        var itemItem = serving.Model?.ItemItem;
        Span<int> recentRows = stackalloc int[ReaderState.RecentCount];
        var recentCount = 0;
        foreach (var recent in reader.Recent)
        {
            if (serving.ItemItemRow[recent] is var row and >= 0)
            {
                recentRows[recentCount++] = row;
            }
        }

        var items = pool.Items;
        for (var c = 0; c < items.Length; c++)
        {
            var i = items[c];
            var book = catalog[i];
            var f = rows.Slice(c * Count, Count);
            var collaborative = signals.HasCollaborative ? signals.Collaborative[i] : 0f;
            f[CollaborativeScore] = float.IsFinite(collaborative) ? collaborative : 0f;
            f[CollaborativeRank] = pool.Rank(c, CandidateSource.Collaborative);
            f[ItemItemScore] = signals.HasItemItem ? signals.ItemItem[i] : 0f;
            f[ItemItemRank] = pool.Rank(c, CandidateSource.ItemItem);
            f[ContentScore] = signals.HasContent ? signals.Content[i] : 0f;
            f[ContentRank] = pool.Rank(c, CandidateSource.Content);
            f[PopularityScore] = signals.Popularity[i];
            f[PopularityRank] = pool.Rank(c, CandidateSource.Popularity);
            f[BlendScore] = blend[i];
            f[BlendRank] = pool.Rank(c, CandidateSource.Blend);
            f[AverageRating] = book.AverageRating ?? -1f;
            f[LogRatingsCount] = MathF.Log(1 + book.RatingsCount);
            f[HistoryLength] = reader.PositiveCount;
            f[NegativeCount] = reader.NegativeCount;
            f[ConsumedCount] = reader.Consumed.Length;
            float overlap = 0;
            var matches = 0;
            // Indexed loops: an interface's enumerator would be an allocation per candidate.
            var bookTags = book.Tags;
            for (var t = 0; t < bookTags.Count; t++)
            {
                overlap += reader.TagShares.GetValueOrDefault(bookTags[t]);
            }

            foreach (var tag in tags)
            {
                matches += content.HasTag(i, tag) ? 1 : 0;
            }

            f[GenreOverlap] = book.Tags.Count > 0 ? overlap / book.Tags.Count : 0f;
            f[NamedGenreMatches] = matches;
            f[AuthorRead] = book.PrimaryAuthor.Length > 0 ? reader.AuthorCounts.GetValueOrDefault(book.PrimaryAuthor) : 0;
            float recentWeight = 0;
            if (itemItem is not null && serving.ItemItemRow[i] is var column and >= 0)
            {
                for (var r = 0; r < recentCount; r++)
                {
                    recentWeight += itemItem.Weights.Weight(recentRows[r], column);
                }
            }

            float recentSimilarity = 0;
            foreach (var recent in reader.Recent)
            {
                recentSimilarity = Math.Max(recentSimilarity, content.Similarity(recent, i));
            }

            f[RecentItemItem] = recentWeight;
            f[RecentContent] = recentSimilarity;
            f[DaysSinceLastInteraction] = days;
            f[ItemAgeYears] = asked is { } at && book.Year is { } year ? at.Year - year : -1f;
            f[ContextPopularity] = signals.HasContext ? signals.Context[i] : 0f;
            f[TimesShown] = reader.TimesShown(i);
            f[ReaderAge] = traits?.Age is { } age ? age : -1f;
            f[ReaderGender] = gender;
            f[DayPartOfRequest] = asked is { } when ? (float)DayParts.Of(when) : -1f;
            f[LogInteractions] = serving.LogModelPopularity[i];
        }
    }
}
