using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime;

/// <summary>Entry point for date-time recognition, shaped like Recognizers-Text's DateTimeRecognizer.</summary>
public static class DateTimeRecognizer
{
    /// <summary>The only culture supported.</summary>
    public const string English = "en-us";

    /// <summary>
    /// Finds dates, times, durations, ranges and sets in <paramref name="query"/> and resolves them against
    /// <paramref name="reference"/> (read as local wall-clock time; no time zone conversion).
    /// </summary>
    /// <param name="query">The user's text.</param>
    /// <param name="culture">A culture name; only English (<c>en</c>, <c>en-us</c>...) is supported.</param>
    /// <param name="reference">The "now" used for relative expressions.</param>
    /// <param name="options">Behaviour switches.</param>
    /// <returns>The results in order of position.</returns>
    /// <exception cref="ArgumentException">When the culture is not English.</exception>
    public static IReadOnlyList<DateTimeModelResult> RecognizeDateTime(string query, string culture, DateObject reference, DateTimeOptions options = DateTimeOptions.None)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(culture);
        if (!culture.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Culture '{culture}' is not supported; only English is.", nameof(culture));
        }

        return new DateTimeModel(options).Parse(query, reference);
    }
}
