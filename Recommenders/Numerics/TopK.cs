using System.Buffers;

namespace AuthorBot.Recommenders.Numerics;

/// <summary>Selects the indices of the k largest scores, skipping excluded ones, in descending score order.</summary>
public static class TopK
{
    // Below this many scores the plain heap pass is cheap enough.
    private const int SampledMinimum = 2048;

    /// <summary>
    /// Writes the indices of the largest scores into <paramref name="result"/> (best first) and returns how many were
    /// written. Ties go to the lower index, so the answer is deterministic.
    /// </summary>
    /// <param name="scores">One score per candidate.</param>
    /// <param name="excluded">Optional mask aligned with the scores; true skips the candidate.</param>
    /// <param name="result">Receives the chosen indices; its length is k.</param>
    public static int Select(ReadOnlySpan<float> scores, ReadOnlySpan<bool> excluded, Span<int> result)
    {
        var k = result.Length;
        if (k == 0)
        {
            return 0;
        }

        // For a few best of many: a floor from a sample first, so the heap only sees the items above it. The answer is
        // unchanged whenever at least k items clear the floor (the k-th best is then above it too); otherwise (a
        // sample that misled) every item is considered.
        if (scores.Length >= SampledMinimum && scores.Length >= 16 * k)
        {
            var floor = SampleFloor(scores, excluded, k);
            var above = ArrayPool<int>.Shared.Rent(scores.Length);
            try
            {
                var count = 0;
                var hasMask = !excluded.IsEmpty;
                for (var i = 0; i < scores.Length; i++)
                {
                    if (scores[i] >= floor && !(hasMask && excluded[i]))
                    {
                        above[count++] = i;
                    }
                }

                if (count >= k)
                {
                    return Sorted(scores, above.AsSpan(0, count), result);
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(above);
            }
        }

        return Heap(scores, excluded, default, result);
    }

    /// <summary>
    /// The best of a few hundred candidates (already unmasked and not NaN) by one sort of 64-bit keys, score descending
    /// then index ascending, the order the heap gives; a primitive sort is cheaper than a heap of k indices here.
    /// </summary>
    private static int Sorted(ReadOnlySpan<float> scores, ReadOnlySpan<int> candidates, Span<int> result)
    {
        var keys = ArrayPool<long>.Shared.Rent(candidates.Length);
        try
        {
            for (var n = 0; n < candidates.Length; n++)
            {
                // Adding 0 turns −0 into +0, which the heap also treats as equal; then the float's bits, made to sort
                // ascending as unsigned and flipped, so the best score has the smallest key.
                var bits = BitConverter.SingleToUInt32Bits(scores[candidates[n]] + 0f);
                var ascending = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
                keys[n] = (long)((((ulong)~ascending) << 32) | (uint)candidates[n]);
            }

            var sorted = keys.AsSpan(0, candidates.Length);

            // Signed longs: flip the top bit so the unsigned order above survives the signed sort.
            for (var n = 0; n < sorted.Length; n++)
            {
                sorted[n] ^= long.MinValue;
            }

            sorted.Sort();
            var size = Math.Min(result.Length, sorted.Length);
            for (var n = 0; n < size; n++)
            {
                result[n] = (int)(uint)sorted[n];
            }

            return size;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
        }
    }

    /// <summary>
    /// <see cref="Select(ReadOnlySpan{float}, ReadOnlySpan{bool}, Span{int})"/> among the given candidates only (in any
    /// order; ties still go to the lower index).
    /// </summary>
    public static int SelectAmong(ReadOnlySpan<float> scores, ReadOnlySpan<int> candidates, Span<int> result) =>
        result.IsEmpty || candidates.IsEmpty ? 0 : Heap(scores, default, candidates, result);

    /// <summary>
    /// The score about 2k items of the whole would exceed, estimated from every stride-th item (about 8k of them): the
    /// (2k·m/n)-th best of a sample of m.
    /// </summary>
    private static float SampleFloor(ReadOnlySpan<float> scores, ReadOnlySpan<bool> excluded, int k)
    {
        var stride = Math.Max(1, scores.Length / (8 * k));
        var sampled = (scores.Length + stride - 1) / stride;
        var rank = Math.Max(1, (int)Math.Min(sampled, (2L * k * sampled) / scores.Length));
        Span<float> best = rank <= 256 ? stackalloc float[rank] : new float[rank];
        var size = 0;
        var hasMask = !excluded.IsEmpty;
        for (var i = 0; i < scores.Length; i += stride)
        {
            var s = scores[i];
            if ((hasMask && excluded[i]) || float.IsNaN(s))
            {
                continue;
            }

            // A min-heap of the rank best sampled scores.
            if (size < rank)
            {
                var at = size++;
                best[at] = s;
                while (at > 0 && best[(at - 1) >> 1] > best[at])
                {
                    (best[(at - 1) >> 1], best[at]) = (best[at], best[(at - 1) >> 1]);
                    at = (at - 1) >> 1;
                }
            }
            else if (s > best[0])
            {
                best[0] = s;
                var at = 0;
                while (true)
                {
                    var child = (2 * at) + 1;
                    if (child >= size)
                    {
                        break;
                    }

                    if (child + 1 < size && best[child + 1] < best[child])
                    {
                        child++;
                    }

                    if (best[at] <= best[child])
                    {
                        break;
                    }

                    (best[at], best[child]) = (best[child], best[at]);
                    at = child;
                }
            }
        }

        return size == rank ? best[0] : float.NegativeInfinity;
    }

    /// <summary>The heap selection over every item, or over <paramref name="indices"/> when given.</summary>
    private static int Heap(ReadOnlySpan<float> scores, ReadOnlySpan<bool> excluded, ReadOnlySpan<int> indices, Span<int> result)
    {
        var k = result.Length;

        // A min-heap of the best k seen so far: the root is the weakest and is replaced when something better arrives.
        var size = 0;
        var hasMask = !excluded.IsEmpty;
        var all = indices.IsEmpty;
        var length = all ? scores.Length : indices.Length;

        // Once the heap is full, anything strictly below its weakest score is out: one compare for most items.
        var threshold = float.NegativeInfinity;
        for (var at = 0; at < length; at++)
        {
            var i = all ? at : indices[at];
            var s = scores[i];
            if (s < threshold || (hasMask && excluded[i]) || float.IsNaN(s))
            {
                continue;
            }

            if (size < k)
            {
                result[size] = i;
                SiftUp(scores, result, size++);
                if (size == k)
                {
                    threshold = scores[result[0]];
                }
            }
            else if (Better(scores, i, result[0]))
            {
                result[0] = i;
                SiftDown(scores, result, 0, size);
                threshold = scores[result[0]];
            }
        }

        // Heap-sort in place: repeatedly move the weakest to the end, leaving the best first.
        for (var end = size - 1; end > 0; end--)
        {
            (result[0], result[end]) = (result[end], result[0]);
            SiftDown(scores, result, 0, end);
        }

        return size;
    }

    private static bool Better(ReadOnlySpan<float> scores, int a, int b) => scores[a] > scores[b] || (scores[a] == scores[b] && a < b);

    private static void SiftUp(ReadOnlySpan<float> scores, Span<int> heap, int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (!Better(scores, heap[parent], heap[at]))
            {
                break;
            }

            (heap[parent], heap[at]) = (heap[at], heap[parent]);
            at = parent;
        }
    }

    private static void SiftDown(ReadOnlySpan<float> scores, Span<int> heap, int at, int size)
    {
        while (true)
        {
            var left = (2 * at) + 1;
            if (left >= size)
            {
                return;
            }

            var weakest = left;
            var right = left + 1;
            if (right < size && Better(scores, heap[left], heap[right]))
            {
                weakest = right;
            }

            if (!Better(scores, heap[at], heap[weakest]))
            {
                return;
            }

            (heap[at], heap[weakest]) = (heap[weakest], heap[at]);
            at = weakest;
        }
    }
}
