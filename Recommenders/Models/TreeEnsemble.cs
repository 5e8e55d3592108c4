namespace AuthorBot.Recommenders.Models;

/// <summary>
/// A boosted regression-tree ensemble in flat arrays, evaluated here rather than through ML.NET's prediction engine:
/// a request scores about a hundred candidates, and a per-row prediction engine would take most of the latency budget.
/// Node n of tree t sends a row left when feature[<see cref="SplitFeatures"/>[n]] &lt;= threshold (as ML.NET's trees
/// do); a negative child c is leaf ~c of that tree. Immutable.
/// A request scores its candidates and explains its picks through the trees' bit masks (<see cref="QuickScorer"/>),
/// which need no walk; trees of more than 64 leaves are walked instead, tree by tree so each tree stays in cache while
/// every row walks it, four rows at a time (leaves are nodes that lead to themselves, so the four walks step together
/// without a branch per row), and an explanation then only re-walks the trees that test the features it changes.
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

    // The walk layout: per tree its splits, then its leaves as nodes whose both children are themselves.
    private readonly int[] _walkRoots;
    private readonly int[] _walkFirstLeaves;
    private readonly int[] _walkFeatures;
    private readonly float[] _walkThresholds;
    private readonly int[] _walkChildren;
    private readonly float[] _walkValues;

    // Bit min(f, 63) is set when the tree tests feature f.
    private readonly ulong[] _treeFeatures;

    // The same trees as bit masks, for explanations (null when a tree has more than 64 leaves).
    private readonly QuickScorer? _quick;

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

            var parents = new bool[count];
            for (var n = nodeStarts[t]; n < nodeStarts[t + 1]; n++)
            {
                if ((uint)splitFeatures[n] >= (uint)featureCount || !Valid(left[n], count, leaves) || !Valid(right[n], count, leaves))
                {
                    throw new ArgumentException($"Tree {t} has a split on a feature or child out of range.", nameof(splitFeatures));
                }

                // Each split but the root has one parent: the trees are trees, not graphs, so a walk's depth is bounded.
                foreach (var child in (ReadOnlySpan<int>)[left[n], right[n]])
                {
                    if (child == 0 || (child > 0 && !Claim(parents, child)))
                    {
                        throw new ArgumentException($"Tree {t} is not a tree: split {child} has two parents or the root has one.", nameof(left));
                    }
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

        var trees = nodeStarts.Length - 1;
        var total = nodes + leafValues.Length;
        _walkRoots = new int[trees];
        _walkFirstLeaves = new int[trees];
        _treeFeatures = new ulong[trees];
        _walkFeatures = new int[total];
        _walkThresholds = new float[total];
        _walkChildren = new int[2 * total];
        _walkValues = new float[total];
        for (var t = 0; t < trees; t++)
        {
            var root = nodeStarts[t] + leafStarts[t];
            var count = nodeStarts[t + 1] - nodeStarts[t];
            _walkRoots[t] = root;
            _walkFirstLeaves[t] = root + count;
            for (var n = 0; n < count; n++)
            {
                var at = nodeStarts[t] + n;
                _walkFeatures[root + n] = splitFeatures[at];
                _walkThresholds[root + n] = thresholds[at];
                _walkChildren[2 * (root + n)] = root + (left[at] >= 0 ? left[at] : count + ~left[at]);
                _walkChildren[(2 * (root + n)) + 1] = root + (right[at] >= 0 ? right[at] : count + ~right[at]);
                _treeFeatures[t] |= 1UL << Math.Min(splitFeatures[at], 63);
            }

            for (var l = 0; l < count + 1; l++)
            {
                var at = root + count + l;
                _walkThresholds[at] = float.PositiveInfinity;
                _walkChildren[2 * at] = at;
                _walkChildren[(2 * at) + 1] = at;
                _walkValues[at] = leafValues[leafStarts[t] + l];
            }
        }

        _quick = QuickScorer.TryBuild(featureCount, nodeStarts, leafStarts, splitFeatures, thresholds, left, right, leafValues);
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

    /// <summary>
    /// Scores <paramref name="scores"/>.Length rows at once, row r being
    /// <paramref name="rows"/>[r * <see cref="FeatureCount"/> ..]; equal to <see cref="Score"/> row by row, bit for bit.
    /// </summary>
    /// <exception cref="ArgumentException">The rows are too short for the scores.</exception>
    public void ScoreAll(ReadOnlySpan<float> rows, Span<float> scores)
    {
        var stride = FeatureCount;
        if (rows.Length < scores.Length * stride)
        {
            throw new ArgumentException($"Expected {scores.Length} rows of {stride} features.", nameof(rows));
        }

        if (_quick is not null)
        {
            _quick.ScoreAll(rows, Bias, scores);
            return;
        }

        WalkScoreAll(rows, scores);
    }

    /// <summary><see cref="ScoreAll"/> by walking the trees (for trees of more than 64 leaves).</summary>
    internal void WalkScoreAll(ReadOnlySpan<float> rows, Span<float> scores)
    {
        var stride = FeatureCount;
        scores.Fill(Bias);
        var features = _walkFeatures;
        var thresholds = _walkThresholds;
        var children = _walkChildren;
        var values = _walkValues;
        for (var t = 0; t < _walkRoots.Length; t++)
        {
            var root = _walkRoots[t];
            var firstLeaf = _walkFirstLeaves[t];
            var r = 0;
            for (; r + 4 <= scores.Length; r += 4)
            {
                var row0 = rows.Slice(r * stride, stride);
                var row1 = rows.Slice((r + 1) * stride, stride);
                var row2 = rows.Slice((r + 2) * stride, stride);
                var row3 = rows.Slice((r + 3) * stride, stride);
                int n0 = root, n1 = root, n2 = root, n3 = root;

                // Four independent walks interleave, each step a select rather than a branch; a walk that reached
                // its leaf stays there until the deepest of the four does.
                while (Math.Min(Math.Min(n0, n1), Math.Min(n2, n3)) < firstLeaf)
                {
                    n0 = children[(2 * n0) + (row0[features[n0]] <= thresholds[n0] ? 0 : 1)];
                    n1 = children[(2 * n1) + (row1[features[n1]] <= thresholds[n1] ? 0 : 1)];
                    n2 = children[(2 * n2) + (row2[features[n2]] <= thresholds[n2] ? 0 : 1)];
                    n3 = children[(2 * n3) + (row3[features[n3]] <= thresholds[n3] ? 0 : 1)];
                }

                scores[r] += values[n0];
                scores[r + 1] += values[n1];
                scores[r + 2] += values[n2];
                scores[r + 3] += values[n3];
            }

            for (; r < scores.Length; r++)
            {
                scores[r] += values[Walk(rows.Slice(r * stride, stride), t)];
            }
        }
    }

    /// <summary>
    /// For each feature group g (bit f of <paramref name="groups"/>[g] flags feature f, f &lt; 64): the score of
    /// <paramref name="features"/> minus the score of the same row with group g's features taken from
    /// <paramref name="reference"/>. The row is walked once per tree, and a group's row only through the trees that
    /// test one of its features, since every other tree gives both rows the same leaf.
    /// </summary>
    /// <exception cref="ArgumentException">A row is shorter than <see cref="FeatureCount"/>, or the spans differ in length.</exception>
    public void Lifts(ReadOnlySpan<float> features, ReadOnlySpan<float> reference, ReadOnlySpan<ulong> groups, Span<float> lifts)
    {
        var stride = FeatureCount;
        if (features.Length < stride || reference.Length < stride || groups.Length != lifts.Length)
        {
            throw new ArgumentException($"Expected rows of {stride} features and one lift per group.", nameof(features));
        }

        if (_quick is not null && groups.Length <= 64)
        {
            _quick.Lifts(features, reference, groups, _treeFeatures, lifts);
            return;
        }

        WalkLifts(features, reference, groups, lifts);
    }

    /// <summary>
    /// <see cref="Lifts"/> by walking the trees (for trees of more than 64 leaves); the bit-mask path must equal it
    /// bit for bit.
    /// </summary>
    internal void WalkLifts(ReadOnlySpan<float> features, ReadOnlySpan<float> reference, ReadOnlySpan<ulong> groups, Span<float> lifts)
    {
        var stride = FeatureCount;
        var probes = groups.Length * stride <= 1024 ? stackalloc float[groups.Length * stride] : new float[groups.Length * stride];
        for (var g = 0; g < groups.Length; g++)
        {
            var probe = probes.Slice(g * stride, stride);
            features[..stride].CopyTo(probe);
            for (var f = 0; f < Math.Min(stride, 64); f++)
            {
                if ((groups[g] & (1UL << f)) != 0)
                {
                    probe[f] = reference[f];
                }
            }
        }

        lifts.Clear();
        for (var t = 0; t < _walkRoots.Length; t++)
        {
            var used = _treeFeatures[t];
            var own = float.NaN;
            for (var g = 0; g < groups.Length; g++)
            {
                if ((used & groups[g]) != 0)
                {
                    own = float.IsNaN(own) ? _walkValues[Walk(features, t)] : own;
                    lifts[g] += own - _walkValues[Walk(probes.Slice(g * stride, stride), t)];
                }
            }
        }
    }

    private int Walk(ReadOnlySpan<float> row, int tree)
    {
        var node = _walkRoots[tree];
        var firstLeaf = _walkFirstLeaves[tree];
        while (node < firstLeaf)
        {
            node = _walkChildren[(2 * node) + (row[_walkFeatures[node]] <= _walkThresholds[node] ? 0 : 1)];
        }

        return node;
    }

    private static bool Claim(bool[] parents, int child)
    {
        var free = !parents[child];
        parents[child] = true;
        return free;
    }

    private static bool Valid(int child, int nodes, int leaves) => child >= 0 ? child < nodes : ~child < leaves;
}
