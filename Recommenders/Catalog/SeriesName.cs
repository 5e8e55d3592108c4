namespace AuthorBot.Recommenders.Catalog;

/// <summary>Reads the series from Goodreads-style titles: "Title (Series Name, #3)".</summary>
internal static class SeriesName
{
    public static string? Parse(string title)
    {
        if (string.IsNullOrEmpty(title) || !title.EndsWith(')'))
        {
            return null;
        }

        var open = title.LastIndexOf('(');
        if (open < 0)
        {
            return null;
        }

        var inside = title[(open + 1)..^1];
        var hash = inside.LastIndexOf('#');
        if (hash <= 0)
        {
            return null;
        }

        var name = inside[..hash].TrimEnd(' ', ',');
        return name.Length == 0 ? null : name;
    }
}
