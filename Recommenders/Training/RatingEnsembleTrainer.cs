using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace AuthorBot.Recommenders.Training;

/// <summary>Trains <see cref="RatingEnsembleModel"/> as described by <see cref="RatingEnsembleOptions"/>.</summary>
public sealed class RatingEnsembleTrainer
{
    /// <summary>Creates a trainer with the given options (defaults when null).</summary>
    public RatingEnsembleTrainer(RatingEnsembleOptions? options = null) => Options = options ?? new RatingEnsembleOptions();

    /// <summary>The options this trainer uses.</summary>
    public RatingEnsembleOptions Options { get; }

    /// <summary>Fits the blend weights on a hold-out slice, then retrains every member on all the data.</summary>
    public RatingEnsembleModel Train(RatingMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var random = SeededRandom.Create(Options.Seed, 0);
        var holdout = new bool[data.Count];
        var held = 0;
        for (var n = 0; n < holdout.Length; n++)
        {
            holdout[n] = random.NextDouble() < Options.HoldoutFraction;
            held += holdout[n] ? 1 : 0;
        }

        var memberCount = 2 + (Options.SecondMatrixFactorization is null ? 0 : 1) + (Options.UserNeighborhood is null ? 0 : 1) + (Options.SvdPlusPlus is null ? 0 : 1);
        var featureCount = RatingEnsembleModel.FeatureCount(memberCount);
        var weights = new double[featureCount];
        for (var m = 0; m < memberCount; m++)
        {
            weights[1 + (3 * m)] = 1.0 / memberCount;
        }

        if (held >= 10 * featureCount)
        {
            var fit = Subset(data, holdout);
            var members = TrainMembers(fit, cancellationToken);
            var (userSupport, itemSupport) = Supports(fit);
            var x = Matrix<double>.Build.Dense(held, featureCount);
            var y = Vector<double>.Build.Dense(held);
            var features = new double[featureCount];
            var row = 0;
            for (var n = 0; n < data.Count; n++)
            {
                if (!holdout[n])
                {
                    continue;
                }

                var (u, i) = (data.Users[n], data.Items[n]);
                RatingEnsembleModel.Features(members, u, i, userSupport[u], itemSupport[i], features);
                x.SetRow(row, features);
                y[row] = data.Values[n];
                row++;
            }

            weights = x.QR().Solve(y).ToArray();
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (us, its) = Supports(data);
        return new RatingEnsembleModel(TrainMembers(data, cancellationToken), weights, us, its);
    }

    /// <summary>Trains the members side by side: they are independent and each is deterministic on its own.</summary>
    private IRatingPredictor[] TrainMembers(RatingMatrix data, CancellationToken cancellationToken)
    {
        var jobs = new List<Func<IRatingPredictor>>
        {
            () => new BiasedMatrixFactorizationTrainer(Options.MatrixFactorization).Train(data, cancellationToken),
        };
        if (Options.SecondMatrixFactorization is { } second)
        {
            jobs.Add(() => new BiasedMatrixFactorizationTrainer(second).Train(data, cancellationToken));
        }

        jobs.Add(() => new ItemNeighborhoodTrainer(Options.Neighborhood).Train(data, cancellationToken));
        if (Options.UserNeighborhood is { } userKnn)
        {
            jobs.Add(() =>
            {
                var transposed = new RatingMatrix(data.ItemCount, data.UserCount, data.Items.ToArray(), data.Users.ToArray(), data.Values.ToArray());
                return new TransposedPredictor(new ItemNeighborhoodTrainer(userKnn).Train(transposed, cancellationToken));
            });
        }

        if (Options.SvdPlusPlus is { } svdpp)
        {
            jobs.Add(() => new SvdPlusPlusTrainer(svdpp).Train(data, cancellationToken));
        }

        // The slowest member (SVD++ when present) starts first so the others fill in around it.
        var tasks = jobs.AsEnumerable().Reverse().Select(job => Task.Run(job, cancellationToken)).Reverse().ToArray();
        Task.WaitAll(tasks, cancellationToken);
        return [.. tasks.Select(t => t.Result)];
    }

    private static double Support(int count) => Math.Log(1 + count) / 5;

    private static (float[] Users, float[] Items) Supports(RatingMatrix data)
    {
        var users = new float[data.UserCount];
        var items = new float[data.ItemCount];
        for (var u = 0; u < users.Length; u++)
        {
            users[u] = (float)Support(data.ItemsOf(u).Length);
        }

        for (var i = 0; i < items.Length; i++)
        {
            items[i] = (float)Support(data.UsersOf(i).Length);
        }

        return (users, items);
    }

    private static RatingMatrix Subset(RatingMatrix data, bool[] holdout)
    {
        var u = new List<int>(data.Count);
        var i = new List<int>(data.Count);
        var v = new List<float>(data.Count);
        for (var n = 0; n < data.Count; n++)
        {
            if (!holdout[n])
            {
                u.Add(data.Users[n]);
                i.Add(data.Items[n]);
                v.Add(data.Values[n]);
            }
        }

        return new RatingMatrix(data.UserCount, data.ItemCount, [.. u], [.. i], [.. v]);
    }
}
