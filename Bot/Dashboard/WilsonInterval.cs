namespace AuthorBot.Bot.Dashboard;

/// <summary>
/// The Wilson score interval for a proportion: unlike the normal approximation it stays within [0, 1] and is honest
/// for the small counts an announcement's variant often has.
/// </summary>
internal static class WilsonInterval
{
    private const double Z95 = 1.959963984540054;

    /// <summary>The 95 % interval for <paramref name="successes"/> out of <paramref name="trials"/>; (0, 0) with no trials.</summary>
    public static (double Low, double High) Of(int successes, int trials)
    {
        if (trials <= 0)
        {
            return (0, 0);
        }

        var p = (double)successes / trials;
        var z2 = Z95 * Z95;
        var centre = (p + (z2 / (2 * trials))) / (1 + (z2 / trials));
        var half = Z95 * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials))) / (1 + (z2 / trials));
        return (Math.Round(Math.Max(0, centre - half), 4), Math.Round(Math.Min(1, centre + half), 4));
    }
}
