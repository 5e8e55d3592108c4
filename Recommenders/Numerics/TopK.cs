namespace AuthorBot.Recommenders.Numerics;

/// <summary>Selects the indices of the k largest scores, skipping excluded ones, in descending score order.</summary>
public static class TopK
{
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

        // A min-heap of the best k seen so far: the root is the weakest and is replaced when something better arrives.
        var size = 0;
        var hasMask = !excluded.IsEmpty;

        // Once the heap is full, anything strictly below its weakest score is out: one compare for most items.
        var threshold = float.NegativeInfinity;
        for (var i = 0; i < scores.Length; i++)
        {
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
