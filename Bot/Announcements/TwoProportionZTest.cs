using MathNet.Numerics.Distributions;

namespace AuthorBot.Bot.Announcements;

/// <summary>The pooled two-proportion z-test (two-sided), for comparing click or reply rates of two variants.</summary>
internal static class TwoProportionZTest
{
    /// <summary>z and the two-sided p-value; nulls when either group is empty or the pooled rate is 0 or 1 (no variance to test).</summary>
    public static (double? Z, double? PValue) Test(int successes1, int trials1, int successes2, int trials2)
    {
        if (trials1 <= 0 || trials2 <= 0)
        {
            return (null, null);
        }

        var pooled = (double)(successes1 + successes2) / (trials1 + trials2);
        var variance = pooled * (1 - pooled) * ((1.0 / trials1) + (1.0 / trials2));
        if (variance <= 0)
        {
            return (null, null);
        }

        var z = (((double)successes1 / trials1) - ((double)successes2 / trials2)) / Math.Sqrt(variance);
        return (z, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))));
    }
}
