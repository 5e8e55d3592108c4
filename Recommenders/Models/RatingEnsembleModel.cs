namespace AuthorBot.Recommenders.Models;

/// <summary>
/// A linear blend of rating predictors. The weights vary with how many ratings the reader and the item have
/// (log support), since neighbourhood models are the better guess for short histories and factor models for long ones.
/// </summary>
public sealed class RatingEnsembleModel : IRatingPredictor
{
    private readonly IRatingPredictor[] _members;
    private readonly double[] _weights;
    private readonly float[] _userSupport;
    private readonly float[] _itemSupport;

    internal RatingEnsembleModel(IRatingPredictor[] members, double[] weights, float[] userSupport, float[] itemSupport)
    {
        _members = members;
        _weights = weights;
        _userSupport = userSupport;
        _itemSupport = itemSupport;
    }

    /// <summary>The blended models.</summary>
    public IReadOnlyList<IRatingPredictor> Members => _members;

    /// <summary>Blend weights: intercept, then per member its prediction, times reader support and times item support.</summary>
    public IReadOnlyList<double> Weights => _weights;

    internal static int FeatureCount(int members) => 1 + (3 * members);

    /// <summary>Blended prediction.</summary>
    public float Predict(int user, int item)
    {
        Span<double> f = stackalloc double[FeatureCount(_members.Length)];
        var su = (uint)user < (uint)_userSupport.Length ? _userSupport[user] : 0;
        var si = (uint)item < (uint)_itemSupport.Length ? _itemSupport[item] : 0;
        Features(_members, user, item, su, si, f);
        double y = 0;
        for (var c = 0; c < f.Length; c++)
        {
            y += _weights[c] * f[c];
        }

        return (float)y;
    }

    internal static void Features(IRatingPredictor[] members, int user, int item, double userSupport, double itemSupport, Span<double> f)
    {
        f[0] = 1;
        for (var m = 0; m < members.Length; m++)
        {
            double p = members[m].Predict(user, item);
            f[1 + (3 * m)] = p;
            f[2 + (3 * m)] = p * userSupport;
            f[3 + (3 * m)] = p * itemSupport;
        }
    }
}
