namespace AuthorBot.Recommenders.Models;

/// <summary>
/// Item-based neighbourhood model over baseline residuals. Keeps the training residuals by reader and a dense
/// item-by-item similarity matrix, so it suits catalogues of a few thousand items.
/// </summary>
public sealed class ItemNeighborhoodModel : IRatingPredictor
{
    private readonly BaselineModel _baseline;
    private readonly float[] _similarity;
    private readonly int[] _userOffsets;
    private readonly int[] _userItems;
    private readonly float[] _userResiduals;

    internal ItemNeighborhoodModel(BaselineModel baseline, int itemCount, float[] similarity, int neighbors, int[] userOffsets, int[] userItems, float[] userResiduals)
    {
        _baseline = baseline;
        ItemCount = itemCount;
        _similarity = similarity;
        Neighbors = neighbors;
        _userOffsets = userOffsets;
        _userItems = userItems;
        _userResiduals = userResiduals;
    }

    /// <summary>Number of items.</summary>
    public int ItemCount { get; }

    /// <summary>How many neighbours take part in a prediction.</summary>
    public int Neighbors { get; }

    /// <summary>Shrunk Pearson-baseline similarity of two items.</summary>
    public float Similarity(int item, int other) => _similarity[(item * ItemCount) + other];

    /// <summary>Predicted rating: baseline plus the similarity-weighted residuals of the closest rated items.</summary>
    public float Predict(int user, int item)
    {
        var baseline = _baseline.Predict(user, item);
        if ((uint)user >= (uint)(_userOffsets.Length - 1))
        {
            return baseline;
        }

        var start = _userOffsets[user];
        var count = _userOffsets[user + 1] - start;
        var k = Math.Min(Neighbors, count);
        if (k == 0)
        {
            return baseline;
        }

        // Keep the k largest similarities with a small insertion-sorted buffer; k is small next to a reader's history.
        Span<float> bestSim = stackalloc float[k];
        Span<float> bestRes = stackalloc float[k];
        var filled = 0;
        var row = item * ItemCount;
        for (var n = 0; n < count; n++)
        {
            var s = _similarity[row + _userItems[start + n]];
            if (s <= 0 || (filled == k && s <= bestSim[k - 1]))
            {
                continue;
            }

            var at = filled < k ? filled++ : k - 1;
            while (at > 0 && bestSim[at - 1] < s)
            {
                bestSim[at] = bestSim[at - 1];
                bestRes[at] = bestRes[at - 1];
                at--;
            }

            bestSim[at] = s;
            bestRes[at] = _userResiduals[start + n];
        }

        float num = 0, den = 0;
        for (var n = 0; n < filled; n++)
        {
            num += bestSim[n] * bestRes[n];
            den += bestSim[n];
        }

        return den > 0 ? baseline + (num / den) : baseline;
    }
}
