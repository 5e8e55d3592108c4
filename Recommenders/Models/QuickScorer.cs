using System.Buffers;
using System.Numerics;

namespace AuthorBot.Recommenders.Models;

/// <summary>
/// The trees of a <see cref="TreeEnsemble"/> in QuickScorer's layout (Lucchese et al., SIGIR 2015): each tree's leaves
/// numbered left to right, and per feature every split that tests it, sorted by threshold, with a bit mask of the
/// leaves it rules out when the row goes right. A row's exit leaf in a tree is the lowest bit left after the masks of
/// all its right-going splits are ANDed, so a row is scored by one scan per feature that stops at the first threshold
/// the value does not exceed, with no walk. An explanation gains most: the row with some features swapped for the
/// reference's differs from the row only in those features' masks, so each probe is a few ANDs of partial masks
/// rather than a walk through every tree. Only for trees of at most 64 leaves. Immutable.
/// </summary>
internal sealed class QuickScorer
{
    private readonly int _featureCount;
    private readonly int _trees;

    // Per tree, the bits of its leaves (a tree with L leaves uses bits 0..L-1).
    private readonly ulong[] _initial;

    // Per feature f, its splits at [_starts[f], _starts[f + 1]), by ascending threshold.
    private readonly int[] _starts;
    private readonly float[] _thresholds;
    private readonly int[] _splitTrees;
    private readonly ulong[] _masks;

    // Leaf value by tree and left-to-right position: [tree * 64 + position].
    private readonly float[] _values;

    private QuickScorer(int featureCount, int trees, ulong[] initial, int[] starts, float[] thresholds, int[] splitTrees, ulong[] masks, float[] values)
    {
        _featureCount = featureCount;
        _trees = trees;
        _initial = initial;
        _starts = starts;
        _thresholds = thresholds;
        _splitTrees = splitTrees;
        _masks = masks;
        _values = values;
    }

    /// <summary>The layout of validated tree arrays (as <see cref="TreeEnsemble"/> holds them), or null when a tree has more than 64 leaves.</summary>
    public static QuickScorer? TryBuild(
        int featureCount, ReadOnlySpan<int> nodeStarts, ReadOnlySpan<int> leafStarts, ReadOnlySpan<int> splitFeatures,
        ReadOnlySpan<float> thresholds, ReadOnlySpan<int> left, ReadOnlySpan<int> right, ReadOnlySpan<float> leafValues)
    {
        var trees = nodeStarts.Length - 1;
        for (var t = 0; t < trees; t++)
        {
            if (leafStarts[t + 1] - leafStarts[t] > 64)
            {
                return null;
            }
        }

        var splits = splitFeatures.Length;
        var initial = new ulong[trees];
        var values = new float[trees * 64];
        var masks = new ulong[splits];
        var splitTrees = new int[splits];
        for (var t = 0; t < trees; t++)
        {
            var leaves = leafStarts[t + 1] - leafStarts[t];
            initial[t] = leaves == 64 ? ulong.MaxValue : (1UL << leaves) - 1;
            if (nodeStarts[t + 1] == nodeStarts[t])
            {
                values[t * 64] = leafValues[leafStarts[t]];
                continue;
            }

            // An in-order walk numbers the leaves left to right; a split's left subtree is then one run of positions,
            // the run its mask clears. At most 63 splits deep, since a tree of at most 64 leaves has at most 63.
            var next = 0;
            Number(nodeStarts[t], leafStarts[t], 0, t, left, right, leafValues, values, masks, splitTrees, ref next);
        }

        // Per feature, its splits by ascending threshold (NaN first, as Array.Sort orders floats: a NaN threshold
        // sends every row right, and the scan applies it before any other).
        var order = new int[splits];
        for (var n = 0; n < splits; n++)
        {
            order[n] = n;
        }

        var features = splitFeatures.ToArray();
        var keys = thresholds.ToArray();
        Array.Sort(order, (a, b) => features[a] != features[b] ? features[a].CompareTo(features[b])
            : keys[a].CompareTo(keys[b]) is var byThreshold and not 0 ? byThreshold : a.CompareTo(b));
        var starts = new int[featureCount + 1];
        var sortedThresholds = new float[splits];
        var sortedTrees = new int[splits];
        var sortedMasks = new ulong[splits];
        for (var n = 0; n < splits; n++)
        {
            var at = order[n];
            starts[features[at] + 1]++;
            sortedThresholds[n] = keys[at];
            sortedTrees[n] = splitTrees[at];
            sortedMasks[n] = masks[at];
        }

        for (var f = 0; f < featureCount; f++)
        {
            starts[f + 1] += starts[f];
        }

        return new QuickScorer(featureCount, trees, initial, starts, sortedThresholds, sortedTrees, sortedMasks, values);
    }

    /// <summary>
    /// Scores <paramref name="scores"/>.Length rows of <see cref="_featureCount"/> features: <paramref name="bias"/>
    /// plus each tree's leaf, added tree by tree in order (as the walk adds them, so the sums are equal bit for bit).
    /// </summary>
    public void ScoreAll(ReadOnlySpan<float> rows, float bias, Span<float> scores)
    {
        var stride = _featureCount;
        var state = ArrayPool<ulong>.Shared.Rent(_trees);
        try
        {
            var masks = state.AsSpan(0, _trees);
            for (var r = 0; r < scores.Length; r++)
            {
                _initial.CopyTo(masks);
                Apply(rows.Slice(r * stride, stride), masks, default, 0);
                var sum = bias;
                for (var t = 0; t < masks.Length; t++)
                {
                    sum += _values[(t * 64) + BitOperations.TrailingZeroCount(masks[t])];
                }

                scores[r] = sum;
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(state);
        }
    }

    /// <summary>
    /// The lifts of <see cref="TreeEnsemble.Lifts"/>, equal bit for bit: per tree in order and per group whose features
    /// the tree tests (<paramref name="treeFeatures"/>), the row's leaf minus the probe's. Features are split into
    /// blocks of equal group membership; a row's mask in a tree is the AND of its blocks' partial masks, and a probe
    /// takes the reference's partial masks for the blocks inside its group.
    /// </summary>
    public void Lifts(ReadOnlySpan<float> features, ReadOnlySpan<float> reference, ReadOnlySpan<ulong> groups, ReadOnlySpan<ulong> treeFeatures, Span<float> lifts)
    {
        var stride = _featureCount;
        Span<int> blockOf = stride <= 256 ? stackalloc int[stride] : new int[stride];
        Span<ulong> membership = stride <= 256 ? stackalloc ulong[stride] : new ulong[stride];
        var blocks = 0;
        for (var f = 0; f < stride; f++)
        {
            // Which groups hold feature f (features from 64 on cannot be flagged, so they belong to none).
            ulong member = 0;
            for (var g = 0; g < groups.Length && f < 64; g++)
            {
                member |= ((groups[g] >> f) & 1UL) << g;
            }

            var block = 0;
            while (block < blocks && membership[block] != member)
            {
                block++;
            }

            membership[block] = member;
            blocks = Math.Max(blocks, block + 1);
            blockOf[f] = block;
        }

        var size = _trees * blocks;
        var state = ArrayPool<ulong>.Shared.Rent(2 * size);
        try
        {
            var own = state.AsSpan(0, size);
            var other = state.AsSpan(size, size);
            own.Fill(ulong.MaxValue);
            other.Fill(ulong.MaxValue);
            Apply(features[..stride], own, blockOf, blocks);
            Apply(reference[..stride], other, blockOf, blocks);
            lifts.Clear();
            for (var t = 0; t < _trees; t++)
            {
                var row = _initial[t];
                for (var b = 0; b < blocks; b++)
                {
                    row &= own[(t * blocks) + b];
                }

                var ownValue = _values[(t * 64) + BitOperations.TrailingZeroCount(row)];
                for (var g = 0; g < groups.Length; g++)
                {
                    if ((treeFeatures[t] & groups[g]) == 0)
                    {
                        continue;
                    }

                    var probe = _initial[t];
                    for (var b = 0; b < blocks; b++)
                    {
                        probe &= ((membership[b] >> g) & 1UL) != 0 ? other[(t * blocks) + b] : own[(t * blocks) + b];
                    }

                    lifts[g] += ownValue - _values[(t * 64) + BitOperations.TrailingZeroCount(probe)];
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(state);
        }
    }

    /// <summary>
    /// ANDs the mask of every split a row goes right at (value above the threshold, or NaN) into
    /// <paramref name="masks"/>[tree * blocks + block of the feature], or [tree] when there are no blocks.
    /// </summary>
    private void Apply(ReadOnlySpan<float> row, Span<ulong> masks, ReadOnlySpan<int> blockOf, int blocks)
    {
        var thresholds = _thresholds;
        var trees = _splitTrees;
        var splitMasks = _masks;
        for (var f = 0; f < row.Length; f++)
        {
            var x = row[f];
            var end = _starts[f + 1];
            var n = _starts[f];
            var scale = blocks == 0 ? 1 : blocks;
            var offset = blocks == 0 ? 0 : blockOf[f];
            // Ascending thresholds: the walk goes right exactly where "x <= threshold" is false, so the scan stops at the
            // first threshold at or above x. A NaN on either side fails the test: a NaN value goes right everywhere,
            // and a NaN threshold (sorted first) sends every value right.
            for (; n < end && !(thresholds[n] >= x); n++)
            {
                masks[(trees[n] * scale) + offset] &= splitMasks[n];
            }
        }
    }

    private static void Number(
        int nodeStart, int leafStart, int node, int tree, ReadOnlySpan<int> left, ReadOnlySpan<int> right, ReadOnlySpan<float> leafValues,
        float[] values, ulong[] masks, int[] splitTrees, ref int next)
    {
        var at = nodeStart + node;
        var first = next;
        if (left[at] < 0)
        {
            values[(tree * 64) + next++] = leafValues[leafStart + ~left[at]];
        }
        else
        {
            Number(nodeStart, leafStart, left[at], tree, left, right, leafValues, values, masks, splitTrees, ref next);
        }

        masks[at] = ~(((1UL << (next - first)) - 1) << first);
        splitTrees[at] = tree;
        if (right[at] < 0)
        {
            values[(tree * 64) + next++] = leafValues[leafStart + ~right[at]];
        }
        else
        {
            Number(nodeStart, leafStart, right[at], tree, left, right, leafValues, values, masks, splitTrees, ref next);
        }
    }
}
