namespace AuthorBot.Understanding.Text;

/// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), bounded so it stops early.</summary>
public static class EditDistance
{
    /// <summary>The distance between two words, or <paramref name="max"/> + 1 when it is larger than <paramref name="max"/>.</summary>
    /// <param name="a">One word.</param>
    /// <param name="b">The other.</param>
    /// <param name="max">The largest distance worth computing exactly.</param>
    /// <returns>The distance, at most <paramref name="max"/> + 1.</returns>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.SequenceEqual(b))
        {
            return 0;
        }

        // Three rows are enough for transpositions; words here are short, so they live on the stack.
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>Whether a typed word is a known word misspelt within <see cref="Tolerance"/> of the known word's length.</summary>
    /// <param name="typed">The reader's word.</param>
    /// <param name="known">The word it may stand for.</param>
    /// <returns>True when equal or close enough.</returns>
    public static bool Close(string typed, string known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        var tolerance = Tolerance(known.Length);
        return string.Equals(typed, known, StringComparison.Ordinal) || (tolerance > 0 && Bounded(typed, known, tolerance) <= tolerance);
    }

    /// <summary>
    /// How many edits a word of this length may have and still count as the same word: none below 5 letters (too many
    /// short words are one letter apart: "shop" and "stop"), one up to 8, two from 9.
    /// </summary>
    /// <param name="length">The word's length.</param>
    /// <returns>0, 1 or 2.</returns>
    public static int Tolerance(int length) => length switch
    {
        < 5 => 0,
        < 9 => 1,
        _ => 2,
    };
}
