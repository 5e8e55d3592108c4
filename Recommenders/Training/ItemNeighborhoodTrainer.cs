using AuthorBot.Recommenders.Models;

namespace AuthorBot.Recommenders.Training;

/// <summary>Fits <see cref="ItemNeighborhoodModel"/>: a bias baseline, then shrunk Pearson-baseline item similarities.</summary>
public sealed class ItemNeighborhoodTrainer
{
    /// <summary>Creates a trainer with the given options (defaults when null).</summary>
    public ItemNeighborhoodTrainer(ItemNeighborhoodOptions? options = null) => Options = options ?? new ItemNeighborhoodOptions();

    /// <summary>The options this trainer uses.</summary>
    public ItemNeighborhoodOptions Options { get; }

    /// <summary>Trains the model.</summary>
    public ItemNeighborhoodModel Train(RatingMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var baseline = new BaselineTrainer(Options.Baseline).Train(data);
        var n = data.ItemCount;
        var offsets = new int[data.UserCount + 1];
        var items = new int[data.Count];
        var residuals = new float[data.Count];
        for (var u = 0; u < data.UserCount; u++)
        {
            var its = data.ItemsOf(u);
            var vals = data.ValuesOfUser(u);
            offsets[u + 1] = offsets[u] + its.Length;
            for (var m = 0; m < its.Length; m++)
            {
                items[offsets[u] + m] = its[m];
                residuals[offsets[u] + m] = vals[m] - baseline.Predict(u, its[m]);
            }
        }

        // Accumulate the upper triangle per reader; each reader contributes every pair of items they rated.
        var prod = new float[n * n];
        var sqA = new float[n * n];
        var sqB = new float[n * n];
        var common = new int[n * n];
        for (var u = 0; u < data.UserCount; u++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var s = offsets[u];
            var e = offsets[u + 1];
            for (var a = s; a < e; a++)
            {
                var ia = items[a];
                var ra = residuals[a];
                var row = ia * n;
                for (var b = a + 1; b < e; b++)
                {
                    var rb = residuals[b];
                    var cell = row + items[b];
                    prod[cell] += ra * rb;
                    sqA[cell] += ra * ra;
                    sqB[cell] += rb * rb;
                    common[cell]++;
                }
            }
        }

        var similarity = new float[n * n];
        var shrink = Options.Shrinkage;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var cell = (i * n) + j;
                var c = common[cell];
                if (c < 2)
                {
                    continue;
                }

                var den = MathF.Sqrt(sqA[cell] * sqB[cell]);
                if (den <= 0)
                {
                    continue;
                }

                var sim = prod[cell] / den * (c - 1) / (c - 1 + shrink);
                similarity[cell] = sim;
                similarity[(j * n) + i] = sim;
            }
        }

        return new ItemNeighborhoodModel(baseline, n, similarity, Options.Neighbors, offsets, items, residuals);
    }
}
