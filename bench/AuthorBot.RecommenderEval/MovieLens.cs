using System.Globalization;
using AuthorBot.Recommenders.Training;

namespace AuthorBot.RecommenderEval;

/// <summary>Reads ml-100k files (tab-separated user, item, rating, timestamp with 1-based ids).</summary>
internal static class MovieLens
{
    public const int Users = 943;
    public const int Items = 1682;

    public static List<RatingRow> Read(string path)
    {
        var rows = new List<RatingRow>(100_000);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            rows.Add(new RatingRow(
                int.Parse(f[0], CultureInfo.InvariantCulture) - 1,
                int.Parse(f[1], CultureInfo.InvariantCulture) - 1,
                float.Parse(f[2], CultureInfo.InvariantCulture),
                long.Parse(f[3], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    public static RatingMatrix ToMatrix(IReadOnlyList<RatingRow> rows, int users = Users, int items = Items, Func<RatingRow, float>? value = null)
    {
        var u = new int[rows.Count];
        var i = new int[rows.Count];
        var v = new float[rows.Count];
        for (var n = 0; n < rows.Count; n++)
        {
            u[n] = rows[n].User;
            i[n] = rows[n].Item;
            v[n] = value is null ? rows[n].Rating : value(rows[n]);
        }

        return new RatingMatrix(users, items, u, i, v);
    }
}
