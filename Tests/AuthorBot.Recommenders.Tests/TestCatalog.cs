using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Recommenders.Tests;

/// <summary>A generated catalogue and generated readers with planted genre tastes.</summary>
internal static class TestCatalog
{
    public static readonly string[] Genres = ["fantasy", "romance", "history", "mystery"];

    public static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Books "fantasy-0".."mystery-14", one author each, tagged with their genre; popularity falls with the number.</summary>
    public static BookCatalog Create(int perGenre = 15) =>
        new(Genres.SelectMany(g => Enumerable.Range(0, perGenre).Select(n => new CatalogItem(
            $"{g}-{n}",
            $"{char.ToUpperInvariant(g[0])}{g[1..]} Book {n}",
            [$"Author {g} {n}"],
            2000 + n,
            4.0f,
            (perGenre - n) * 1000,
            null,
            [g, "fiction"]))));

    /// <summary>Readers "g-reader-k" who each like a random half of one genre's books.</summary>
    public static List<Interaction> GroupReaders(int readersPerGenre = 15, int perGenre = 15, int seed = 2)
    {
        var random = new Random(seed);
        var log = new List<Interaction>();
        foreach (var g in Genres)
        {
            for (var r = 0; r < readersPerGenre; r++)
            {
                for (var n = 0; n < perGenre; n++)
                {
                    if (random.NextDouble() < 0.5)
                    {
                        log.Add(new Interaction($"{g}-reader-{r}", $"{g}-{n}", InteractionKind.Like, Noon.AddMinutes(n)));
                    }
                }
            }
        }

        return log;
    }

    public static string GenreOf(string itemId) => itemId[..itemId.IndexOf('-', StringComparison.Ordinal)];
}
