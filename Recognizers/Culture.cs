namespace AuthorBot.Recognizers;

/// <summary>Culture codes understood by the recognizers.</summary>
public static class Culture
{
    /// <summary>US English, the only culture implemented so far.</summary>
    public const string English = "en-us";

    /// <summary>Throws when <paramref name="culture"/> is not one this library implements.</summary>
    internal static void EnsureSupported(string culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (!culture.Equals(English, StringComparison.OrdinalIgnoreCase)
            && !culture.Equals("en", StringComparison.OrdinalIgnoreCase)
            && !culture.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Culture '{culture}' is not supported; only English ({English}) is implemented.");
        }
    }
}
