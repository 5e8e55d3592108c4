namespace AuthorBot.Recommenders.Evaluation;

/// <summary>Error metrics for rating prediction.</summary>
public static class RatingMetrics
{
    /// <summary>Root mean squared error.</summary>
    public static double Rmse(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted)
    {
        Check(truth, predicted);
        double s = 0;
        for (var n = 0; n < truth.Length; n++)
        {
            var d = (double)predicted[n] - truth[n];
            s += d * d;
        }

        return Math.Sqrt(s / truth.Length);
    }

    /// <summary>Mean absolute error.</summary>
    public static double Mae(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted)
    {
        Check(truth, predicted);
        double s = 0;
        for (var n = 0; n < truth.Length; n++)
        {
            s += Math.Abs((double)predicted[n] - truth[n]);
        }

        return s / truth.Length;
    }

    private static void Check(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted)
    {
        if (truth.Length != predicted.Length || truth.Length == 0)
        {
            throw new ArgumentException("Need the same, non-zero number of true and predicted values.", nameof(predicted));
        }
    }
}
