using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Training;

/// <summary>Fits <see cref="EaseModel"/> in closed form; entries with positive values count as interactions.</summary>
public sealed class EaseTrainer
{
    /// <summary>Creates a trainer with the given options (defaults when null).</summary>
    public EaseTrainer(EaseOptions? options = null) => Options = options ?? new EaseOptions();

    /// <summary>The options this trainer uses.</summary>
    public EaseOptions Options { get; }

    /// <summary>Builds the Gram matrix, inverts it and derives the item-to-item weights.</summary>
    public EaseModel Train(RatingMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.ItemCount;
        var gram = new double[n * n];
        for (var u = 0; u < data.UserCount; u++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var items = data.ItemsOf(u);
            var values = data.ValuesOfUser(u);
            for (var a = 0; a < items.Length; a++)
            {
                if (values[a] <= 0)
                {
                    continue;
                }

                var col = items[a] * n;
                for (var b = 0; b < items.Length; b++)
                {
                    if (values[b] > 0)
                    {
                        gram[col + items[b]] += 1;
                    }
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            gram[(i * n) + i] += Options.Regularization;
        }

        // P = (XᵀX + λI)⁻¹ in place; the Gram matrix is symmetric, so row-major or column-major is the same matrix.
        SymmetricInverse.Invert(gram, n, cancellationToken: cancellationToken);
        var weights = new float[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                // B[i, j] = −P[i, j] / P[j, j], with a zero diagonal so an item never recommends itself.
                weights[(i * n) + j] = i == j ? 0f : (float)(-gram[(i * n) + j] / gram[(j * n) + j]);
            }
        }

        return new EaseModel(n, weights);
    }
}
