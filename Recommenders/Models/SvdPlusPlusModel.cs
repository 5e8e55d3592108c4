using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Models;

/// <summary>A trained SVD++ model; the implicit part of each reader's vector is precomputed.</summary>
public sealed class SvdPlusPlusModel : IRatingPredictor
{
    private readonly float _mean;
    private readonly float[] _userBias;
    private readonly float[] _itemBias;
    private readonly float[] _userVectors;
    private readonly float[] _itemFactors;

    internal SvdPlusPlusModel(int factors, float mean, float[] userBias, float[] itemBias, float[] userVectors, float[] itemFactors)
    {
        Factors = factors;
        _mean = mean;
        _userBias = userBias;
        _itemBias = itemBias;
        _userVectors = userVectors;
        _itemFactors = itemFactors;
    }

    /// <summary>Length of the latent vectors.</summary>
    public int Factors { get; }

    /// <summary>Predicted rating.</summary>
    public float Predict(int user, int item) =>
        _mean + _userBias[user] + _itemBias[item]
        + VectorMath.Dot(_userVectors.AsSpan(user * Factors, Factors), _itemFactors.AsSpan(item * Factors, Factors));
}
