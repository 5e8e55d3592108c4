using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Training;

/// <summary>Implicit-feedback alternating least squares (Hu, Koren and Volinsky 2008); see <see cref="ImplicitAlsOptions"/>.</summary>
public sealed class ImplicitAlsTrainer
{
    /// <summary>Creates a trainer with the given options (defaults when null).</summary>
    public ImplicitAlsTrainer(ImplicitAlsOptions? options = null)
    {
        Options = options ?? new ImplicitAlsOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.Factors);
        ArgumentOutOfRangeException.ThrowIfNegative(Options.Iterations);
    }

    /// <summary>The options this trainer uses.</summary>
    public ImplicitAlsOptions Options { get; }

    /// <summary>Trains reader and item vectors; the model's mean and biases are zero.</summary>
    public FactorModel Train(RatingMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var o = Options;
        var k = o.Factors;
        var random = SeededRandom.Create(o.Seed, 0);
        var x = new float[data.UserCount * k];
        var y = new float[data.ItemCount * k];
        for (var n = 0; n < x.Length; n++)
        {
            x[n] = random.NextGaussian(o.InitialStandardDeviation);
        }

        for (var n = 0; n < y.Length; n++)
        {
            y[n] = random.NextGaussian(o.InitialStandardDeviation);
        }

        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = o.Threads == 0 ? Environment.ProcessorCount : o.Threads,
            CancellationToken = cancellationToken,
        };
        for (var it = 0; it < o.Iterations; it++)
        {
            Sweep(x, y, data.UserCount, data.ItemsOf, data.ValuesOfUser, parallel);
            Sweep(y, x, data.ItemCount, data.UsersOf, data.ValuesOfItem, parallel);
        }

        return new FactorModel(k, 0, new float[data.UserCount], new float[data.ItemCount], x, y);
    }

    private delegate ReadOnlySpan<int> Columns(int row);

    private delegate ReadOnlySpan<float> Values(int row);

    private void Sweep(float[] solveFor, float[] fixedSide, int rows, Columns columns, Values values, ParallelOptions parallel)
    {
        var o = Options;
        var k = o.Factors;
        var gram = ImplicitLeastSquares.Gram(fixedSide, k);
        Parallel.For(0, rows, parallel, () => new double[k * k], (row, _, scratch) =>
        {
            var target = solveFor.AsSpan(row * k, k);
            if (o.Solver == LinearSolver.Cholesky)
            {
                ImplicitLeastSquares.SolveCholesky(fixedSide, k, gram, columns(row), values(row), o.Regularization, o.Alpha, scratch, target);
            }
            else
            {
                ImplicitLeastSquares.SolveConjugateGradient(fixedSide, k, gram, columns(row), values(row), o.Regularization, o.Alpha, o.ConjugateGradientSteps, target);
            }

            return scratch;
        }, _ => { });
    }
}
