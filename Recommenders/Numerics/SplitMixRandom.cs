namespace AuthorBot.Recommenders.Numerics;

/// <summary>
/// A small value-type generator (SplitMix64) for samplers that need one independent stream per reader or item per
/// sweep: creating one costs a few multiplications, where <see cref="Random"/> would allocate and fill a state table.
/// Streams are keyed by a seed and a path, so results do not depend on which thread draws them.
/// </summary>
internal struct SplitMixRandom
{
    private ulong _state;
    private double _spare;
    private bool _hasSpare;

    public SplitMixRandom(int seed, int a, int b, int c)
    {
        _state = Mix(Mix(Mix(Mix((ulong)(uint)seed) ^ (uint)a) ^ (uint)b) ^ (uint)c);
        _spare = 0;
        _hasSpare = false;
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform on (0, 1]: never zero, so its logarithm is finite.</summary>
    public double NextDouble() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by the Marsaglia polar method (two per round, the second kept for the next call).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        // The acceptance rate is π/4, so 64 rounds fail with probability below 1e-40; the fallback keeps the loop bounded.
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var x = (2 * NextDouble()) - 1;
            var y = (2 * NextDouble()) - 1;
            var s = (x * x) + (y * y);
            if (s is > 0 and < 1)
            {
                var f = Math.Sqrt(-2 * Math.Log(s) / s);
                _spare = y * f;
                _hasSpare = true;
                return x * f;
            }
        }

        return 0;
    }

    /// <summary>Gamma(shape, scale = 1) by Marsaglia and Tsang (2000); shapes below 1 use the boost u^(1/shape).</summary>
    public double NextGamma(double shape)
    {
        if (shape < 1)
        {
            return NextGamma(shape + 1) * Math.Pow(NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var x = NextGaussian();
            var v = 1 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            var u = NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }

        return d;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
