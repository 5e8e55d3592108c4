namespace AuthorBot.Recommenders.Models;

/// <summary>The bias baseline: prediction = global mean + reader bias + item bias.</summary>
public sealed class BaselineModel : IRatingPredictor
{
    private readonly float[] _userBias;
    private readonly float[] _itemBias;

    /// <summary>Wraps trained biases; the arrays are owned by the model from here on.</summary>
    public BaselineModel(float globalMean, float[] userBias, float[] itemBias)
    {
        ArgumentNullException.ThrowIfNull(userBias);
        ArgumentNullException.ThrowIfNull(itemBias);
        GlobalMean = globalMean;
        _userBias = userBias;
        _itemBias = itemBias;
    }

    /// <summary>The global mean.</summary>
    public float GlobalMean { get; }

    /// <summary>Reader biases.</summary>
    public ReadOnlySpan<float> UserBiases => _userBias;

    /// <summary>Item biases.</summary>
    public ReadOnlySpan<float> ItemBiases => _itemBias;

    /// <summary>Predicted value for a reader and item.</summary>
    public float Predict(int user, int item) => GlobalMean + _userBias[user] + _itemBias[item];
}
