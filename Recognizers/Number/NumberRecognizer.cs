namespace AuthorBot.Recognizers.Number;

/// <summary>Entry points for numbers, ordinals and percentages, shaped like Recognizers-Text's <c>NumberRecognizer</c>.</summary>
public static class NumberRecognizer
{
    private static readonly NumberModel _number = new();
    private static readonly OrdinalModel _ordinal = new();
    private static readonly PercentModel _percent = new();

    /// <summary>Cardinal numbers in <paramref name="query"/>.</summary>
    public static IReadOnlyList<ModelResult> RecognizeNumber(string query, string culture = Culture.English)
    {
        Culture.EnsureSupported(culture);
        return _number.Parse(query);
    }

    /// <summary>Ordinals and relative ordinals in <paramref name="query"/>.</summary>
    public static IReadOnlyList<ModelResult> RecognizeOrdinal(string query, string culture = Culture.English)
    {
        Culture.EnsureSupported(culture);
        return _ordinal.Parse(query);
    }

    /// <summary>Percentages in <paramref name="query"/>.</summary>
    public static IReadOnlyList<ModelResult> RecognizePercentage(string query, string culture = Culture.English)
    {
        Culture.EnsureSupported(culture);
        return _percent.Parse(query);
    }
}
