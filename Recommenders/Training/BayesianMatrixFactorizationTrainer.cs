using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Training;

/// <summary>
/// Bayesian biased matrix factorization by blocked Gibbs sampling: each sweep draws the noise precision, every
/// reader's [bias, vector] from its Gaussian conditional given the items, the readers' per-dimension prior, then the
/// same for items. Averaging the prediction over the kept samples is what lifts it above SGD-trained MF on small data:
/// no learning rate or penalty to tune, and the average does not overfit as the rank grows.
/// </summary>
public sealed class BayesianMatrixFactorizationTrainer
{
    // Hyperprior of libFM's MCMC: Gamma(1, 1) on every precision, and a prior mean pulled to 0 with the strength of one
    // observation. Weak enough that the data decides.
    private const double PriorShape = 1;
    private const double PriorRate = 1;
    private const double PriorMeanStrength = 1;

    // Rows are handed to threads in fixed chunks: few enough hand-offs to be cheap, enough to balance two cores.
    private const int ChunkSize = 32;

    // Floats per Vector256; rows are padded to a whole number of them.
    private const int Lanes = 8;

    /// <summary>Creates a trainer with the given options (defaults when null).</summary>
    public BayesianMatrixFactorizationTrainer(BayesianMatrixFactorizationOptions? options = null)
    {
        Options = options ?? new BayesianMatrixFactorizationOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.Factors);
        ArgumentOutOfRangeException.ThrowIfNegative(Options.BurnIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.Samples);
        ArgumentOutOfRangeException.ThrowIfNegative(Options.Threads);
    }

    /// <summary>The options this trainer uses.</summary>
    public BayesianMatrixFactorizationOptions Options { get; }

    /// <summary>
    /// Runs the sampler and returns the posterior-mean predictor as one factor model: biases are averaged, and the kept
    /// vectors are concatenated (readers' scaled by 1/(2 × samples)) so a dot product is the average over the kept sweeps.
    /// </summary>
    public FactorModel Train(RatingMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var o = Options;
        var state = new SamplerState(data, o.Factors, o.InitialStandardDeviation, o.Seed);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = o.Threads == 0 ? Environment.ProcessorCount : o.Threads,
            CancellationToken = cancellationToken,
        };

        var k = o.Factors;
        var slots = 2 * o.Samples;
        var userFactors = new float[data.UserCount * k * slots];
        var itemFactors = new float[data.ItemCount * k * slots];
        var userBias = new double[data.UserCount];
        var itemBias = new double[data.ItemCount];
        for (var sweep = 0; sweep < o.BurnIn + o.Samples; sweep++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var s = sweep - o.BurnIn;

            // Rao-Blackwellized average, both ways: the readers' conditional means E[bias, vector | items] from this
            // sweep paired with the item draws they were conditioned on (kept before the sweep redraws them), and the
            // items' conditional means paired with the new reader draws. Its Monte Carlo noise is lower than that of
            // averaging raw draws, so fewer sweeps reach the same accuracy.
            if (s >= 0)
            {
                state.Items.Keep(itemFactors, itemBias, s, slots, 1f, means: false);
            }

            state.Sweep(sweep, parallel);
            if (s >= 0)
            {
                state.Users.Keep(userFactors, userBias, s, slots, 1f / slots, means: true);
                state.Users.Keep(userFactors, userBias, o.Samples + s, slots, 1f / slots, means: false);
                state.Items.Keep(itemFactors, itemBias, o.Samples + s, slots, 1f, means: true);
            }
        }

        return new FactorModel(
            k * slots,
            data.Mean,
            [.. userBias.Select(b => (float)(b / slots))],
            [.. itemBias.Select(b => (float)(b / slots))],
            userFactors,
            itemFactors);
    }

    /// <summary>The current sample: both sides, their priors and the noise precision.</summary>
    private sealed class SamplerState
    {
        private readonly RatingMatrix _data;
        private readonly int _seed;
        private readonly double[] _itemSquaredError;
        private double _noisePrecision = 1;

        public SamplerState(RatingMatrix data, int factors, float initialStandardDeviation, int seed)
        {
            _data = data;
            _seed = seed;
            Users = new Side(data.UserCount, factors, initialStandardDeviation, new SplitMixRandom(seed, -1, 0, 0));
            Items = new Side(data.ItemCount, factors, initialStandardDeviation, new SplitMixRandom(seed, -1, 1, 0));
            _itemSquaredError = new double[data.ItemCount];
            for (var i = 0; i < data.ItemCount; i++)
            {
                _itemSquaredError[i] = SquaredError(i, Items.Rows.AsSpan(i * Items.Stride, Items.Stride), Items.Bias[i]);
            }
        }

        public Side Users { get; }

        public Side Items { get; }

        public void Sweep(int sweep, ParallelOptions parallel)
        {
            var random = new SplitMixRandom(_seed, sweep, 2, 0);
            var squaredError = 0.0;
            foreach (var e in _itemSquaredError)
            {
                squaredError += e;
            }

            _noisePrecision = random.NextGamma(PriorShape + (_data.Count / 2.0)) / (PriorRate + (squaredError / 2));
            var alpha = _noisePrecision;
            var mean = _data.Mean;
            var data = _data;
            var seed = _seed;
            var users = Users;
            var items = Items;

            Parallel.For(0, Chunks(data.UserCount), parallel, () => new Scratch(users.Dimensions, users.Stride), (c, _, scratch) =>
            {
                for (var u = c * ChunkSize; u < Math.Min(data.UserCount, (c + 1) * ChunkSize); u++)
                {
                    var stream = new SplitMixRandom(seed, sweep, 0, u);
                    users.Sample(u, data.ItemsOf(u), data.ValuesOfUser(u), items, mean, alpha, scratch, ref stream);
                }

                return scratch;
            }, _ => { });
            users.SamplePrior(ref random);

            var errors = _itemSquaredError;
            Parallel.For(0, Chunks(data.ItemCount), parallel, () => new Scratch(items.Dimensions, items.Stride), (c, _, scratch) =>
            {
                for (var i = c * ChunkSize; i < Math.Min(data.ItemCount, (c + 1) * ChunkSize); i++)
                {
                    var stream = new SplitMixRandom(seed, sweep, 1, i);
                    errors[i] = items.Sample(i, data.UsersOf(i), data.ValuesOfItem(i), users, mean, alpha, scratch, ref stream);
                }

                return scratch;
            }, _ => { });
            items.SamplePrior(ref random);
        }

        private static int Chunks(int count) => (count + ChunkSize - 1) / ChunkSize;

        private double SquaredError(int item, ReadOnlySpan<float> itemRow, double itemBias)
        {
            var users = _data.UsersOf(item);
            var values = _data.ValuesOfItem(item);
            var sum = 0.0;
            for (var n = 0; n < users.Length; n++)
            {
                var u = users[n];
                var userRow = Users.Rows.AsSpan(u * Users.Stride, Users.Stride);

                // Both rows carry a constant 1 in slot 0 (it multiplies the other side's bias), so the dot counts 1 extra.
                var predicted = _data.Mean + Users.Bias[u] + itemBias + DoubleDot(userRow, itemRow) - 1;
                var e = values[n] - predicted;
                sum += e * e;
            }

            return sum;
        }
    }

    /// <summary>
    /// One side (readers or items). Row r holds [1, vector, zero padding] in single precision: the leading 1 is the
    /// design entry that multiplies the other side's bias, which is stored apart in <see cref="Bias"/>.
    /// </summary>
    private sealed class Side
    {
        private readonly double[] _priorMean;
        private readonly double[] _priorPrecision;

        public Side(int count, int factors, float initialStandardDeviation, SplitMixRandom random)
        {
            Count = count;
            Factors = factors;
            Dimensions = factors + 1;
            Stride = (Dimensions + Lanes - 1) / Lanes * Lanes;
            Rows = new float[count * Stride];
            Bias = new double[count];
            MeanRows = new float[count * factors];
            MeanBias = new double[count];
            for (var r = 0; r < count; r++)
            {
                Rows[r * Stride] = 1;
                for (var f = 1; f <= factors; f++)
                {
                    Rows[(r * Stride) + f] = (float)(initialStandardDeviation * random.NextGaussian());
                }
            }

            _priorMean = new double[Dimensions];
            _priorPrecision = new double[Dimensions];
            Array.Fill(_priorPrecision, 1.0);
        }

        public int Count { get; }

        public int Factors { get; }

        /// <summary>Parameters per row: the bias and the vector.</summary>
        public int Dimensions { get; }

        /// <summary>Row length in floats, padded to whole 256-bit vectors.</summary>
        public int Stride { get; }

        public float[] Rows { get; }

        public double[] Bias { get; }

        /// <summary>Each row's conditional mean [bias, vector] from its latest draw (the draw without the noise).</summary>
        public float[] MeanRows { get; }

        public double[] MeanBias { get; }

        /// <summary>
        /// Draws row <paramref name="r"/>'s [bias, vector] θ from N(P⁻¹h, P⁻¹), where P = diag(prior precision) + α Σ x xᵀ
        /// and h = prior precision ∘ prior mean + α Σ t x over the other side's rows x and targets t = rating − mean −
        /// other bias; returns the squared error Σ (t − θ·x)² of the row's ratings under the new θ.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double Sample(int r, ReadOnlySpan<int> others, ReadOnlySpan<float> values, Side other, float mean, double alpha, Scratch scratch, ref SplitMixRandom random)
        {
            var d = Dimensions;
            var stride = Stride;
            var sums = scratch.Sums;
            Array.Clear(sums);

            // Σ x xᵀ (lower triangle) and Σ t x by rank-1 updates in single precision: each row of the sum is one or two
            // 256-bit vectors that stay in L1, and x is the other side's padded row read straight from its array.
            ref var otherRow0 = ref MemoryMarshal.GetArrayDataReference(other.Rows);
            ref var sum0 = ref MemoryMarshal.GetArrayDataReference(sums);
            ref var linear = ref Unsafe.Add(ref sum0, d * stride);
            var otherBias = other.Bias;
            double targetSquares = 0;
            var m = 0;

            // Two ratings per step: each accumulator row is loaded and stored once for both.
            for (; m + 1 < others.Length; m += 2)
            {
                var j = others[m];
                var j2 = others[m + 1];
                var t = (float)(values[m] - mean - otherBias[j]);
                var t2 = (float)(values[m + 1] - mean - otherBias[j2]);
                targetSquares += (t * t) + (t2 * t2);
                ref var x = ref Unsafe.Add(ref otherRow0, j * stride);
                ref var y = ref Unsafe.Add(ref otherRow0, j2 * stride);
                var vt = Vector256.Create(t);
                var vt2 = Vector256.Create(t2);
                for (var v = 0; v < stride; v += Lanes)
                {
                    var acc = Vector256.FusedMultiplyAdd(vt, Vector256.LoadUnsafe(ref x, (nuint)v), Vector256.LoadUnsafe(ref linear, (nuint)v));
                    Vector256.StoreUnsafe(Vector256.FusedMultiplyAdd(vt2, Vector256.LoadUnsafe(ref y, (nuint)v), acc), ref linear, (nuint)v);
                }

                for (var a = 0; a < d; a++)
                {
                    var c = Vector256.Create(Unsafe.Add(ref x, a));
                    var c2 = Vector256.Create(Unsafe.Add(ref y, a));
                    ref var row = ref Unsafe.Add(ref sum0, a * stride);
                    for (var v = 0; v <= a; v += Lanes)
                    {
                        var acc = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref x, (nuint)v), Vector256.LoadUnsafe(ref row, (nuint)v));
                        Vector256.StoreUnsafe(Vector256.FusedMultiplyAdd(c2, Vector256.LoadUnsafe(ref y, (nuint)v), acc), ref row, (nuint)v);
                    }
                }
            }

            if (m < others.Length)
            {
                var j = others[m];
                var t = (float)(values[m] - mean - otherBias[j]);
                targetSquares += t * t;
                ref var x = ref Unsafe.Add(ref otherRow0, j * stride);
                var vt = Vector256.Create(t);
                for (var v = 0; v < stride; v += Lanes)
                {
                    Vector256.StoreUnsafe(Vector256.FusedMultiplyAdd(vt, Vector256.LoadUnsafe(ref x, (nuint)v), Vector256.LoadUnsafe(ref linear, (nuint)v)), ref linear, (nuint)v);
                }

                for (var a = 0; a < d; a++)
                {
                    var c = Vector256.Create(Unsafe.Add(ref x, a));
                    ref var row = ref Unsafe.Add(ref sum0, a * stride);
                    for (var v = 0; v <= a; v += Lanes)
                    {
                        Vector256.StoreUnsafe(Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref x, (nuint)v), Vector256.LoadUnsafe(ref row, (nuint)v)), ref row, (nuint)v);
                    }
                }
            }

            var p = scratch.Precision;
            var h = scratch.Linear;
            for (var a = 0; a < d; a++)
            {
                h[a] = (_priorPrecision[a] * _priorMean[a]) + (alpha * sums[(d * stride) + a]);
                for (var b = 0; b < a; b++)
                {
                    p[(a * d) + b] = alpha * sums[(a * stride) + b];
                }

                p[(a * d) + a] = _priorPrecision[a] + (alpha * sums[(a * stride) + a]);
            }

            var conditionalMean = scratch.Mean;
            DrawGaussian(p, h, conditionalMean, scratch.InverseDiagonal, d, ref random);

            Bias[r] = h[0];
            MeanBias[r] = conditionalMean[0];
            var own = Rows.AsSpan((r * stride) + 1, Factors);
            var ownMean = MeanRows.AsSpan(r * Factors, Factors);
            for (var f = 0; f < own.Length; f++)
            {
                own[f] = (float)h[f + 1];
                ownMean[f] = (float)conditionalMean[f + 1];
            }

            // Σ (t − θ·x)² = Σ t² − 2 θ·(Σ t x) + θᵀ(Σ x xᵀ)θ, all from the sums already built: no second pass.
            var quadratic = 0.0;
            var cross = 0.0;
            for (var a = 0; a < d; a++)
            {
                cross += h[a] * sums[(d * stride) + a];
                var rowDot = 0.0;
                for (var b = 0; b < a; b++)
                {
                    rowDot += sums[(a * stride) + b] * h[b];
                }

                quadratic += h[a] * ((2 * rowDot) + (sums[(a * stride) + a] * h[a]));
            }

            return Math.Max(0, targetSquares - (2 * cross) + quadratic);
        }

        /// <summary>
        /// Factors the symmetric positive definite P (d × d, lower triangle read and overwritten) as L Lᵀ, writes the
        /// mean P⁻¹h to <paramref name="mean"/> and replaces h by a draw from N(P⁻¹h, P⁻¹): with w = L⁻¹h, the mean is
        /// L⁻ᵀw and L⁻ᵀ(w + ε) is the draw.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void DrawGaussian(Span<double> p, Span<double> h, Span<double> mean, Span<double> inverseDiagonal, int d, ref SplitMixRandom random)
        {
            // Bounds were fixed by the caller (p is d × d, the vectors have d entries); refs keep the O(d³) loops free of
            // range checks, which at d ≈ 11 cost as much as the arithmetic.
            ArgumentOutOfRangeException.ThrowIfLessThan(p.Length, d * d);
            ArgumentOutOfRangeException.ThrowIfLessThan(Math.Min(Math.Min(h.Length, mean.Length), inverseDiagonal.Length), d);
            ref var l = ref MemoryMarshal.GetReference(p);
            ref var hv = ref MemoryMarshal.GetReference(h);
            ref var mv = ref MemoryMarshal.GetReference(mean);
            ref var inv = ref MemoryMarshal.GetReference(inverseDiagonal);
            for (var j = 0; j < d; j++)
            {
                ref var rowJ = ref Unsafe.Add(ref l, j * d);
                var jj = Unsafe.Add(ref rowJ, j);
                for (var m = 0; m < j; m++)
                {
                    var x = Unsafe.Add(ref rowJ, m);
                    jj -= x * x;
                }

                var inverse = 1 / Math.Sqrt(Math.Max(jj, 1e-12));
                Unsafe.Add(ref inv, j) = inverse;
                for (var i = j + 1; i < d; i++)
                {
                    ref var rowI = ref Unsafe.Add(ref l, i * d);
                    var sum = Unsafe.Add(ref rowI, j);
                    for (var m = 0; m < j; m++)
                    {
                        sum -= Unsafe.Add(ref rowI, m) * Unsafe.Add(ref rowJ, m);
                    }

                    Unsafe.Add(ref rowI, j) = sum * inverse;
                }
            }

            for (var i = 0; i < d; i++)
            {
                ref var row = ref Unsafe.Add(ref l, i * d);
                var sum = Unsafe.Add(ref hv, i);
                for (var m = 0; m < i; m++)
                {
                    sum -= Unsafe.Add(ref row, m) * Unsafe.Add(ref mv, m);
                }

                var w = sum * Unsafe.Add(ref inv, i);
                Unsafe.Add(ref mv, i) = w;
                Unsafe.Add(ref hv, i) = w + random.NextGaussian();
            }

            for (var i = d - 1; i >= 0; i--)
            {
                var sum = Unsafe.Add(ref hv, i);
                var sumMean = Unsafe.Add(ref mv, i);
                for (var m = i + 1; m < d; m++)
                {
                    var x = Unsafe.Add(ref l, (m * d) + i);
                    sum -= x * Unsafe.Add(ref hv, m);
                    sumMean -= x * Unsafe.Add(ref mv, m);
                }

                Unsafe.Add(ref hv, i) = sum * Unsafe.Add(ref inv, i);
                Unsafe.Add(ref mv, i) = sumMean * Unsafe.Add(ref inv, i);
            }
        }

        /// <summary>
        /// Draws each dimension's prior precision and mean from their Normal-Gamma conditional given every row's value
        /// in that dimension.
        /// </summary>
        public void SamplePrior(ref SplitMixRandom random)
        {
            for (var a = 0; a < Dimensions; a++)
            {
                double sum = 0;
                for (var r = 0; r < Count; r++)
                {
                    sum += Value(r, a);
                }

                var currentMean = _priorMean[a];
                double squares = 0;
                for (var r = 0; r < Count; r++)
                {
                    var dv = Value(r, a) - currentMean;
                    squares += dv * dv;
                }

                var shape = PriorShape + ((Count + 1) / 2.0);
                var rate = PriorRate + (0.5 * (squares + (PriorMeanStrength * currentMean * currentMean)));
                _priorPrecision[a] = random.NextGamma(shape) / rate;
                var strength = Count + PriorMeanStrength;
                _priorMean[a] = (sum / strength) + (random.NextGaussian() / Math.Sqrt(strength * _priorPrecision[a]));
            }
        }

        /// <summary>
        /// Copies the current draws (or the conditional means of the latest draws) into slot <paramref name="sample"/>
        /// of the concatenated output and adds the biases.
        /// </summary>
        public void Keep(float[] factors, double[] biasSum, int sample, int samples, float scale, bool means)
        {
            var k = Factors;
            for (var r = 0; r < Count; r++)
            {
                biasSum[r] += means ? MeanBias[r] : Bias[r];
                var target = factors.AsSpan(((r * samples) + sample) * k, k);
                var source = means ? MeanRows.AsSpan(r * k, k) : Rows.AsSpan((r * Stride) + 1, k);
                for (var f = 0; f < k; f++)
                {
                    target[f] = source[f] * scale;
                }
            }
        }

        private double Value(int r, int a) => a == 0 ? Bias[r] : Rows[(r * Stride) + a];
    }

    /// <summary>Per-thread work space of <see cref="Side.Sample"/>.</summary>
    private sealed class Scratch(int dimensions, int stride)
    {
        /// <summary>Σ x xᵀ row by row (stride apart), then Σ t x.</summary>
        public float[] Sums { get; } = new float[(dimensions + 1) * stride];

        public double[] Precision { get; } = new double[dimensions * dimensions];

        public double[] Linear { get; } = new double[dimensions];

        public double[] Mean { get; } = new double[dimensions];

        public double[] InverseDiagonal { get; } = new double[dimensions];
    }

    private static double DoubleDot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var n = 0; n < a.Length; n++)
        {
            sum += (double)a[n] * b[n];
        }

        return sum;
    }

}
