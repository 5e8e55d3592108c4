using System.Globalization;
using CsvHelper;

namespace AuthorBot.Recommenders.Catalog;

/// <summary>
/// Reads the catalogue CSV: a header row, then <c>id,title,authors,year,average_rating,ratings_count,image_url,tags</c>
/// (and an optional <c>description</c>). Authors are separated by ", " as in goodbooks-10k; tags by '|'.
/// </summary>
public static class CatalogCsv
{
    /// <summary>Loads a catalogue file.</summary>
    /// <exception cref="CatalogFormatException">A row is malformed.</exception>
    public static async Task<BookCatalog> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        return await LoadAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads a catalogue from a stream of UTF-8 CSV.</summary>
    /// <exception cref="CatalogFormatException">A row is malformed.</exception>
    public static async Task<BookCatalog> LoadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var options = new CsvReaderOptions { TrimWhitespace = true, HasHeader = true };
        var items = new List<CatalogItem>();
        await using var csv = CsvReader.Create(stream, options, leaveOpen: true);
        try
        {
            await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            foreach (var column in new[] { "id", "title", "authors" })
            {
                if (!csv.TryGetFieldIndex(column, out _))
                {
                    throw new CatalogFormatException($"The catalogue header has no '{column}' column.");
                }
            }

            while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ReadRow(csv));
            }
        }
        catch (CsvFormatException e)
        {
            throw new CatalogFormatException($"Catalogue row {csv.RowNumber}: {e.Message}", e);
        }

        try
        {
            return new BookCatalog(items);
        }
        catch (ArgumentException e)
        {
            throw new CatalogFormatException(e.Message, e);
        }
    }

    private static CatalogItem ReadRow(CsvReader csv)
    {
        var row = csv.RowNumber;
        var id = TryField(csv, "id");
        var title = TryField(csv, "title");
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(title))
        {
            throw new CatalogFormatException($"Catalogue row {row}: id and title are required.");
        }

        return new CatalogItem(
            id,
            title,
            Split(TryField(csv, "authors"), ','),
            ParseOptional(csv, "year", row, s => (int)double.Parse(s, CultureInfo.InvariantCulture)),
            ParseOptional(csv, "average_rating", row, s => float.Parse(s, CultureInfo.InvariantCulture)),
            ParseOptional(csv, "ratings_count", row, s => int.Parse(s, CultureInfo.InvariantCulture)) ?? 0,
            Blank(TryField(csv, "image_url")),
            Split(TryField(csv, "tags"), '|'),
            Blank(TryField(csv, "description")));
    }

    private static string? TryField(CsvReader csv, string name) => csv.TryGetFieldIndex(name, out _) ? csv.GetStringOrNull(name) : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string[] Split(string? value, char separator) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static T? ParseOptional<T>(CsvReader csv, string name, long row, Func<string, T> parse)
        where T : struct
    {
        var raw = TryField(csv, name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            return parse(raw);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new CatalogFormatException($"Catalogue row {row}: '{raw}' is not a valid {name}.", e);
        }
    }
}
