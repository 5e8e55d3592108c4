namespace AuthorBot.Recommenders.Models;

/// <summary>
/// A boosted regression-tree ensemble in flat arrays, evaluated here rather than through ML.NET's prediction engine:
/// a request scores about a hundred candidates, and a per-row prediction engine would take most of the latency budget.
/// Node n of tree t sends a row left when feature[<see cref="SplitFeatures"/>[n]] &lt;= threshold (as ML.NET's trees
/// do); a negative child c is leaf ~c of that tree. Immutable.
/// </summary>
public sealed class TreeEnsemble : IFeatureScorer
{
    private readonly int[] _nodeStarts;
    private readonly int[] _leafStarts;
    private readonly int[] _splitFeatures;
    private readonly float[] _thresholds;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly float[] _leafValues;

    /// <summary>Wraps the arrays of trained trees (owned by the ensemble from here on).</summary>
    /// <exception cref="ArgumentException">The arrays are inconsistent.</exception>
    public TreeEnsemble(int featureCount, float bias, int[] nodeStarts, int[] leafStarts, int[] splitFeatures, float[] thresholds, int[] left, int[] right, float[] leafValues)
    {
        ArgumentNullException.ThrowIfNull(nodeStarts);
        ArgumentNullException.ThrowIfNull(leafStarts);
        ArgumentNullException.ThrowIfNull(splitFeatures);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(leafValues);
        var nodes = splitFeatures.Length;
        if (nodeStarts.Length != leafStarts.Length || nodeStarts.Length == 0 || nodeStarts[^1] != nodes || leafStarts[^1] != leafValues.Length
            || thresholds.Length != nodes || left.Length != nodes || right.Length != nodes)
        {
            throw new ArgumentException("Tree arrays have inconsistent lengths.", nameof(nodeStarts));
        }

        for (var t = 0; t + 1 < nodeStarts.Length; t++)
        {
            var count = nodeStarts[t + 1] - nodeStarts[t];
            var leaves = leafStarts[t + 1] - leafStarts[t];
            if (count < 0 || leaves != count + 1)
            {
                throw new ArgumentException($"Tree {t} has {count} splits and {leaves} leaves; a binary tree has one leaf more than splits.", nameof(nodeStarts));
            }

            for (var n = nodeStarts[t]; n < nodeStarts[t + 1]; n++)
            {
                if ((uint)splitFeatures[n] >= (uint)featureCount || !Valid(left[n], count, leaves) || !Valid(right[n], count, leaves))
                {
                    throw new ArgumentException($"Tree {t} has a split on a feature or child out of range.", nameof(splitFeatures));
                }
            }
        }

        FeatureCount = featureCount;
        Bias = bias;
        _nodeStarts = nodeStarts;
        _leafStarts = leafStarts;
        _splitFeatures = splitFeatures;
        _thresholds = thresholds;
        _left = left;
        _right = right;
        _leafValues = leafValues;
    }

    /// <summary>Length of the feature vector.</summary>
    public int FeatureCount { get; }

    /// <summary>Added to every score.</summary>
    public float Bias { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _nodeStarts.Length - 1;

    /// <summary>Start of each tree's splits (one more entry than trees).</summary>
    public ReadOnlySpan<int> NodeStarts => _nodeStarts;

    /// <summary>Start of each tree's leaves (one more entry than trees).</summary>
    public ReadOnlySpan<int> LeafStarts => _leafStarts;

    /// <summary>The feature each split tests.</summary>
    public ReadOnlySpan<int> SplitFeatures => _splitFeatures;

    /// <summary>The threshold of each split.</summary>
    public ReadOnlySpan<float> Thresholds => _thresholds;

    /// <summary>Child taken when the feature is at most the threshold.</summary>
    public ReadOnlySpan<int> LeftChildren => _left;

    /// <summary>Child taken otherwise.</summary>
    public ReadOnlySpan<int> RightChildren => _right;

    /// <summary>Every tree's leaf outputs (tree weights already applied).</summary>
    public ReadOnlySpan<float> LeafValues => _leafValues;

    /// <summary>The ensemble's output for one feature vector.</summary>
    /// <exception cref="ArgumentException">The vector is shorter than <see cref="FeatureCount"/>.</exception>
    public float Score(ReadOnlySpan<float> features)
    {
        if (features.Length < FeatureCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} features.", nameof(features));
        }

        var sum = Bias;
        for (var t = 0; t + 1 < _nodeStarts.Length; t++)
        {
            var start = _nodeStarts[t];
            var leaf = 0;
            if (_nodeStarts[t + 1] > start)
            {
                var node = 0;
                while (node >= 0)
                {
                    var at = start + node;
                    node = features[_splitFeatures[at]] <= _thresholds[at] ? _left[at] : _right[at];
                }

                leaf = ~node;
            }

            sum += _leafValues[_leafStarts[t] + leaf];
        }

        return sum;
    }

    private static bool Valid(int child, int nodes, int leaves) => child >= 0 ? child < nodes : ~child < leaves;
}
