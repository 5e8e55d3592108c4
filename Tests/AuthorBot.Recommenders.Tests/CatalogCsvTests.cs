using System.Text;
using AuthorBot.Recommenders.Catalog;

namespace AuthorBot.Recommenders.Tests;

public class CatalogCsvTests
{
    private static Task<BookCatalog> Load(string csv) => CatalogCsv.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    [Fact]
    public async Task Loads_books_with_authors_tags_and_series()
    {
        var catalog = await Load(
            "id,title,authors,year,average_rating,ratings_count,image_url,tags\n" +
            "2,\"Catching Fire (The Hunger Games, #2)\",Suzanne Collins,2009.0,4.3,1831039,https://example.org/2.jpg,young-adult|dystopia\n" +
            "5,The Great Gatsby,\"F. Scott Fitzgerald, Someone Else\",1925,3.89,2683664,,classics\n");

        Assert.Equal(2, catalog.Count);
        var fire = catalog.Find("2")!;
        Assert.Equal("The Hunger Games", fire.Series);
        Assert.Equal(2009, fire.Year);
        Assert.Equal(["young-adult", "dystopia"], fire.Tags);
        Assert.Equal(["F. Scott Fitzgerald", "Someone Else"], catalog.Find("5")!.Authors);
        Assert.Null(catalog.Find("5")!.ImageUrl);
        Assert.Null(catalog.Find("5")!.Series);
        Assert.Contains("classics", catalog.Tags);
    }

    [Fact]
    public async Task A_bad_number_is_reported_with_its_row()
    {
        var e = await Assert.ThrowsAsync<CatalogFormatException>(() => Load("id,title,authors,year\n1,A,B,19x5\n"));
        Assert.Contains("year", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_columns_and_duplicate_ids_are_rejected()
    {
        await Assert.ThrowsAsync<CatalogFormatException>(() => Load("id,name\n1,A\n"));
        await Assert.ThrowsAsync<CatalogFormatException>(() => Load("id,title,authors\n1,A,B\n1,C,D\n"));
    }
}
