namespace AuthorBot.Recommenders.Catalog;

/// <summary>A book (or any item) the recommender can suggest.</summary>
/// <param name="Id">Stable identifier, unique in the catalogue.</param>
/// <param name="Title">Display title.</param>
/// <param name="Authors">Authors in credit order; the first is used for diversity caps.</param>
/// <param name="Year">Original publication year, when known.</param>
/// <param name="AverageRating">Average reader rating (1–5), when known.</param>
/// <param name="RatingsCount">How many ratings the average is based on; a popularity prior.</param>
/// <param name="ImageUrl">Cover image, when known.</param>
/// <param name="Tags">Genres and shelves, most characteristic first.</param>
/// <param name="Description">Free text used by content scoring, when known.</param>
public sealed record CatalogItem(
    string Id,
    string Title,
    IReadOnlyList<string> Authors,
    int? Year,
    float? AverageRating,
    int RatingsCount,
    string? ImageUrl,
    IReadOnlyList<string> Tags,
    string? Description = null)
{
    /// <summary>The first credited author, or an empty string.</summary>
    public string PrimaryAuthor => Authors.Count > 0 ? Authors[0] : string.Empty;

    /// <summary>The series name parsed from a title such as "Catching Fire (The Hunger Games, #2)", or null.</summary>
    public string? Series => SeriesName.Parse(Title);
}
