namespace AuthorBot.Recommenders.Numerics;

/// <summary>Deterministic random streams derived from a seed and a path of integers (epoch, block, ...).</summary>
internal static class SeededRandom
{
    public static Random Create(int seed, params ReadOnlySpan<int> path)
    {
        // SplitMix-style mixing: HashCode.Combine is randomized per process, which would break reproducibility.
        var h = (ulong)(uint)seed + 0x9E3779B97F4A7C15UL;
        foreach (var p in path)
        {
            h ^= (ulong)(uint)p + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2);
            h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
            h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
            h ^= h >> 31;
        }

        return new Random((int)(h & 0x7FFFFFFF));
    }

    public static float NextGaussian(this Random random, float standardDeviation)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return (float)(standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    public static void Shuffle<T>(this Random random, Span<T> values)
    {
        for (var n = values.Length - 1; n > 0; n--)
        {
            var k = random.Next(n + 1);
            (values[n], values[k]) = (values[k], values[n]);
        }
    }
}
