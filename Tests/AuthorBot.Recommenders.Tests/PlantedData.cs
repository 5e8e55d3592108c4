using AuthorBot.Recommenders.Training;

namespace AuthorBot.Recommenders.Tests;

/// <summary>Generated data with known structure, so tests can check that trainers recover it.</summary>
internal static class PlantedData
{
    /// <summary>
    /// Ratings = 3 + reader bias + item bias + a rank-<paramref name="rank"/> product, observed on a random share of
    /// cells; the rest are returned as the held-out truth.
    /// </summary>
    public static (RatingMatrix Train, List<(int User, int Item, float Rating)> Test) LowRankRatings(
        int users = 120, int items = 90, int rank = 3, double observed = 0.5, int seed = 1)
    {
        var random = new Random(seed);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var u = new double[users, rank];
        var v = new double[items, rank];
        var bu = new double[users];
        var bi = new double[items];
        for (var a = 0; a < users; a++)
        {
            bu[a] = 0.3 * Gauss();
            for (var d = 0; d < rank; d++)
            {
                u[a, d] = 0.6 * Gauss();
            }
        }

        for (var b = 0; b < items; b++)
        {
            bi[b] = 0.3 * Gauss();
            for (var d = 0; d < rank; d++)
            {
                v[b, d] = 0.6 * Gauss();
            }
        }

        var tu = new List<int>();
        var ti = new List<int>();
        var tv = new List<float>();
        var test = new List<(int, int, float)>();
        for (var a = 0; a < users; a++)
        {
            for (var b = 0; b < items; b++)
            {
                var r = 3 + bu[a] + bi[b];
                for (var d = 0; d < rank; d++)
                {
                    r += u[a, d] * v[b, d];
                }

                if (random.NextDouble() < observed)
                {
                    tu.Add(a);
                    ti.Add(b);
                    tv.Add((float)r);
                }
                else
                {
                    test.Add((a, b, (float)r));
                }
            }
        }

        return (new RatingMatrix(users, items, [.. tu], [.. ti], [.. tv]), test);
    }

    /// <summary>
    /// Readers fall into <paramref name="groups"/> taste groups; each group consumes its own block of items. Each reader
    /// is shown a random part of their block; the remainder of the block is what they would also like.
    /// </summary>
    public static (RatingMatrix Train, Dictionary<int, HashSet<int>> Hidden) Clusters(
        int groups = 4, int usersPerGroup = 30, int itemsPerGroup = 20, double shown = 0.5, int seed = 3)
    {
        var random = new Random(seed);
        var users = groups * usersPerGroup;
        var items = groups * itemsPerGroup;
        var tu = new List<int>();
        var ti = new List<int>();
        var hidden = new Dictionary<int, HashSet<int>>();
        for (var a = 0; a < users; a++)
        {
            var g = a / usersPerGroup;
            hidden[a] = [];
            for (var b = g * itemsPerGroup; b < (g + 1) * itemsPerGroup; b++)
            {
                if (random.NextDouble() < shown)
                {
                    tu.Add(a);
                    ti.Add(b);
                }
                else
                {
                    hidden[a].Add(b);
                }
            }
        }

        return (new RatingMatrix(users, items, [.. tu], [.. ti], [.. tu.Select(_ => 1f)]), hidden);
    }
}
