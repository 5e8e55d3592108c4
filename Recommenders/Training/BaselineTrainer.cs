using AuthorBot.Recommenders.Models;

namespace AuthorBot.Recommenders.Training;

/// <summary>Fits <see cref="BaselineModel"/> with <see cref="BaselineOptions"/>.</summary>
public sealed class BaselineTrainer
{
    /// <summary>Creates a trainer with the given options (defaults when null).</summary>
    public BaselineTrainer(BaselineOptions? options = null) => Options = options ?? new BaselineOptions();

    /// <summary>The options this trainer uses.</summary>
    public BaselineOptions Options { get; }

    /// <summary>Fits reader and item biases to the data.</summary>
    public BaselineModel Train(RatingMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var mu = data.Mean;
        var bu = new float[data.UserCount];
        var bi = new float[data.ItemCount];
        for (var it = 0; it < Math.Max(1, Options.Iterations); it++)
        {
            for (var u = 0; u < data.UserCount; u++)
            {
                var items = data.ItemsOf(u);
                var values = data.ValuesOfUser(u);
                double s = 0;
                for (var n = 0; n < items.Length; n++)
                {
                    s += values[n] - mu - bi[items[n]];
                }

                bu[u] = (float)(s / (Options.UserRegularization + items.Length));
            }

            for (var i = 0; i < data.ItemCount; i++)
            {
                var users = data.UsersOf(i);
                var values = data.ValuesOfItem(i);
                double s = 0;
                for (var n = 0; n < users.Length; n++)
                {
                    s += values[n] - mu - bu[users[n]];
                }

                bi[i] = (float)(s / (Options.ItemRegularization + users.Length));
            }
        }

        return new BaselineModel(mu, bu, bi);
    }
}
