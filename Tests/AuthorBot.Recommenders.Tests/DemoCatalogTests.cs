using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Recommenders.Tests;

/// <summary>The goodbooks-10k subset shipped in Dialogs/Data/catalog loads and gives sensible cold-start lists.</summary>
public class DemoCatalogTests
{
    private static string CatalogPath() => Path.Combine(AppContext.BaseDirectory, "DemoCatalog", "books.csv");

    [Fact]
    public async Task Demo_catalogue_loads_with_genres_for_every_book()
    {
        var catalog = await CatalogCsv.LoadAsync(CatalogPath());

        Assert.Equal(400, catalog.Count);
        Assert.All(catalog.Items, b => Assert.NotEmpty(b.Tags));
        Assert.Contains("fantasy", catalog.Tags.Take(5));
        Assert.Equal("Suzanne Collins", catalog.Find("1")!.PrimaryAuthor);
        Assert.Equal("Harry Potter", catalog.Find("2")!.Series);
    }

    [Fact]
    public async Task A_science_fiction_fan_gets_five_science_fiction_books_by_five_authors()
    {
        var engine = new RecommenderEngine(await CatalogCsv.LoadAsync(CatalogPath()), new InteractionLog());

        var picks = engine.Recommend(new RecommendationRequest("reader", 5, PreferredTags: ["science-fiction"]));

        Assert.Equal(5, picks.Count);
        Assert.All(picks, p => Assert.Contains("science-fiction", p.Item.Tags));
        Assert.Equal(5, picks.Select(p => p.Item.PrimaryAuthor).Distinct().Count());
    }
}
