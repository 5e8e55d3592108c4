using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Training;

/// <summary>Trains <see cref="SvdPlusPlusModel"/>; see <see cref="SvdPlusPlusOptions"/>.</summary>
public sealed class SvdPlusPlusTrainer
{
    /// <summary>Creates a trainer with the given options (defaults when null).</summary>
    public SvdPlusPlusTrainer(SvdPlusPlusOptions? options = null) => Options = options ?? new SvdPlusPlusOptions();

    /// <summary>The options this trainer uses.</summary>
    public SvdPlusPlusOptions Options { get; }

    /// <summary>Trains the model.</summary>
    public SvdPlusPlusModel Train(RatingMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var o = Options;
        var k = o.Factors;
        var random = SeededRandom.Create(o.Seed, 0);
        float[] Init(int rows)
        {
            var a = new float[rows * k];
            for (var n = 0; n < a.Length; n++)
            {
                a[n] = random.NextGaussian(o.InitialStandardDeviation);
            }

            return a;
        }

        var p = Init(data.UserCount);
        var q = Init(data.ItemCount);
        var y = Init(data.ItemCount);
        var bu = new float[data.UserCount];
        var bi = new float[data.ItemCount];
        var mu = data.Mean;
        var users = Enumerable.Range(0, data.UserCount).ToArray();
        var z = new float[k];
        var gradient = new float[k];
        var lr = o.LearningRate;
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SeededRandom.Create(o.Seed, 1, epoch).Shuffle(users.AsSpan());
            foreach (var u in users)
            {
                var items = data.ItemsOf(u);
                if (items.Length == 0)
                {
                    continue;
                }

                var values = data.ValuesOfUser(u);
                var norm = 1f / MathF.Sqrt(items.Length);
                var pu = p.AsSpan(u * k, k);
                pu.CopyTo(z);
                foreach (var j in items)
                {
                    VectorMath.AddScaled(z, norm, y.AsSpan(j * k, k));
                }

                Array.Clear(gradient);
                for (var n = 0; n < items.Length; n++)
                {
                    var i = items[n];
                    var qi = q.AsSpan(i * k, k);
                    var e = values[n] - (mu + bu[u] + bi[i] + VectorMath.Dot(z, qi));
                    bu[u] += lr * (e - (o.BiasRegularization * bu[u]));
                    bi[i] += lr * (e - (o.BiasRegularization * bi[i]));
                    for (var d = 0; d < k; d++)
                    {
                        var pOld = pu[d];
                        var qOld = qi[d];
                        pu[d] += lr * ((e * qOld) - (o.Regularization * pOld));
                        qi[d] += lr * ((e * z[d]) - (o.Regularization * qOld));
                        gradient[d] += e * norm * qOld;
                        z[d] += pu[d] - pOld;
                    }
                }

                // The implicit vectors get the reader's accumulated gradient once, the usual fast form of SVD++.
                foreach (var j in items)
                {
                    var yj = y.AsSpan(j * k, k);
                    for (var d = 0; d < k; d++)
                    {
                        yj[d] += lr * ((gradient[d] / items.Length) - (o.Regularization * yj[d]));
                    }
                }
            }

            lr *= o.Decay;
        }

        var vectors = new float[data.UserCount * k];
        for (var u = 0; u < data.UserCount; u++)
        {
            var items = data.ItemsOf(u);
            var target = vectors.AsSpan(u * k, k);
            p.AsSpan(u * k, k).CopyTo(target);
            if (items.Length > 0)
            {
                var norm = 1f / MathF.Sqrt(items.Length);
                foreach (var j in items)
                {
                    VectorMath.AddScaled(target, norm, y.AsSpan(j * k, k));
                }
            }
        }

        return new SvdPlusPlusModel(k, mu, bu, bi, vectors, q);
    }
}
