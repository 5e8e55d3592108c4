using System.Globalization;
using System.Text;
using AuthorBot.Recommenders.Catalog;

namespace AuthorBot.RecommenderEval;

/// <summary>
/// ml-100k's films as a stand-in book catalogue: title, release year and genres (as tags); no authors. The average
/// rating and rating count, which the bot's catalogue takes from Goodreads, are computed from the training ratings
/// only, so nothing of the held-out ratings leaks into the priors.
/// </summary>
internal static class MovieLensCatalog
{
    public static string ItemId(int item) => (item + 1).ToString(CultureInfo.InvariantCulture);

    public static BookCatalog Create(string dataRoot, IReadOnlyList<RatingRow> training)
    {
        var dir = Path.Combine(dataRoot, "ml-100k");
        var genres = File.ReadLines(Path.Combine(dir, "u.genre"), Encoding.Latin1)
            .Where(l => l.Contains('|', StringComparison.Ordinal))
            .Select(l => l.Split('|')[0].ToLowerInvariant())
            .ToArray();
        var sums = new double[MovieLens.Items];
        var counts = new int[MovieLens.Items];
        foreach (var r in training)
        {
            sums[r.Item] += r.Rating;
            counts[r.Item]++;
        }

        var items = new List<CatalogItem>(MovieLens.Items);
        foreach (var line in File.ReadLines(Path.Combine(dir, "u.item"), Encoding.Latin1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split('|');
            var item = int.Parse(f[0], CultureInfo.InvariantCulture) - 1;
            int? year = f[2].Length >= 4 && int.TryParse(f[2][^4..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : null;
            var tags = Enumerable.Range(0, genres.Length).Where(g => f[5 + g] == "1" && genres[g] != "unknown").Select(g => genres[g]).ToArray();
            items.Add(new CatalogItem(
                ItemId(item),
                f[1],
                [],
                year,
                counts[item] > 0 ? (float)(sums[item] / counts[item]) : null,
                counts[item],
                null,
                tags));
        }

        return new BookCatalog(items);
    }

    /// <summary>Age and gender of each reader (u.user), by zero-based reader index.</summary>
    public static (int Age, string Gender)[] Readers(string dataRoot) =>
        [.. File.ReadLines(Path.Combine(dataRoot, "ml-100k", "u.user"), Encoding.Latin1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('|'))
            .OrderBy(f => int.Parse(f[0], CultureInfo.InvariantCulture))
            .Select(f => (int.Parse(f[1], CultureInfo.InvariantCulture), f[2]))];
}
