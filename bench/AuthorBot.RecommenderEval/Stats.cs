namespace AuthorBot.RecommenderEval;

/// <summary>Mean and sample standard deviation over folds.</summary>
internal static class Stats
{
    public static (double Mean, double Sd) MeanSd(IReadOnlyList<double> xs)
    {
        var mean = xs.Average();
        var sd = xs.Count > 1 ? Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1)) : 0;
        return (mean, sd);
    }

    public static string Format(IReadOnlyList<double> xs, string format = "F4")
    {
        var (m, s) = MeanSd(xs);
        return $"{m.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ± {s.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
