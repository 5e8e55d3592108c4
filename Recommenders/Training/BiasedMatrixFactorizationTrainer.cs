using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Training;

/// <summary>
/// Biased matrix factorization for explicit ratings (Koren, Bell and Volinsky 2009) trained by SGD the LIBMF way:
/// per-vector AdaGrad steps and a block grid walked stratum by stratum so threads never touch the same reader or item.
/// </summary>
public sealed class BiasedMatrixFactorizationTrainer
{
    /// <summary>Creates a trainer with the given options (defaults when null).</summary>
    public BiasedMatrixFactorizationTrainer(BiasedMatrixFactorizationOptions? options = null)
    {
        Options = options ?? new BiasedMatrixFactorizationOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.Factors);
        ArgumentOutOfRangeException.ThrowIfNegative(Options.Epochs);
        ArgumentOutOfRangeException.ThrowIfNegative(Options.Threads);
    }

    /// <summary>The options this trainer uses.</summary>
    public BiasedMatrixFactorizationOptions Options { get; }

    /// <summary>Trains a model on the ratings.</summary>
    public FactorModel Train(RatingMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var o = Options;
        var k = o.Factors;
        var threads = o.Threads == 0 ? Environment.ProcessorCount : o.Threads;
        var blocks = threads == 1 ? 1 : 2 * threads;

        var init = SeededRandom.Create(o.Seed, 0);
        var p = new float[data.UserCount * k];
        var q = new float[data.ItemCount * k];
        for (var n = 0; n < p.Length; n++)
        {
            p[n] = init.NextGaussian(o.InitialStandardDeviation);
        }

        for (var n = 0; n < q.Length; n++)
        {
            q[n] = init.NextGaussian(o.InitialStandardDeviation);
        }

        var bu = new float[data.UserCount];
        var bi = new float[data.ItemCount];
        var accP = Filled(data.UserCount);
        var accQ = Filled(data.ItemCount);
        var accBu = Filled(data.UserCount);
        var accBi = Filled(data.ItemCount);
        var grid = BuildGrid(data, blocks, SeededRandom.Create(o.Seed, 1));
        var mu = data.Mean;
        var users = data.Users.ToArray();
        var items = data.Items.ToArray();
        var values = data.Values.ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        var strata = new int[blocks];

        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var s = 0; s < blocks; s++)
            {
                strata[s] = s;
            }

            SeededRandom.Create(o.Seed, 2, epoch).Shuffle(strata.AsSpan());
            foreach (var shift in strata)
            {
                Parallel.For(0, blocks, parallel, rowBlock =>
                {
                    var cell = grid[(rowBlock * blocks) + ((rowBlock + shift) % blocks)];
                    SeededRandom.Create(o.Seed, 3, epoch, rowBlock, shift).Shuffle(cell.AsSpan());
                    foreach (var n in cell)
                    {
                        var u = users[n];
                        var i = items[n];
                        var pu = p.AsSpan(u * k, k);
                        var qi = q.AsSpan(i * k, k);
                        var e = values[n] - (mu + bu[u] + bi[i] + VectorMath.Dot(pu, qi));

                        var gbu = (o.BiasRegularization * bu[u]) - e;
                        bu[u] -= o.LearningRate / MathF.Sqrt(accBu[u]) * gbu;
                        accBu[u] += gbu * gbu;
                        var gbi = (o.BiasRegularization * bi[i]) - e;
                        bi[i] -= o.LearningRate / MathF.Sqrt(accBi[i]) * gbi;
                        accBi[i] += gbi * gbi;

                        VectorMath.AdaGradPairStep(pu, qi, e, o.Regularization, o.LearningRate, ref accP[u], ref accQ[i]);
                    }
                });
            }
        }

        return new FactorModel(k, mu, bu, bi, p, q);
    }

    private static float[] Filled(int length)
    {
        var a = new float[length];
        Array.Fill(a, 1f);
        return a;
    }

    /// <summary>Assigns readers and items to blocks at random and lists the entries of every (reader block, item block) cell.</summary>
    private static int[][] BuildGrid(RatingMatrix data, int blocks, Random random)
    {
        var userBlock = RandomBlocks(data.UserCount, blocks, random);
        var itemBlock = RandomBlocks(data.ItemCount, blocks, random);
        var cells = new List<int>[blocks * blocks];
        for (var c = 0; c < cells.Length; c++)
        {
            cells[c] = [];
        }

        var users = data.Users;
        var items = data.Items;
        for (var n = 0; n < data.Count; n++)
        {
            cells[(userBlock[users[n]] * blocks) + itemBlock[items[n]]].Add(n);
        }

        return [.. cells.Select(c => c.ToArray())];
    }

    private static int[] RandomBlocks(int count, int blocks, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order.AsSpan());
        var block = new int[count];
        for (var n = 0; n < count; n++)
        {
            block[order[n]] = n % blocks;
        }

        return block;
    }
}
