namespace AuthorBot.Recognizers.Sequence;

/// <summary>Entry points for e-mail addresses, phone numbers and URLs, shaped like Recognizers-Text's <c>SequenceRecognizer</c>.</summary>
public static class SequenceRecognizer
{
    private static readonly EmailModel _email = new();
    private static readonly UrlModel _url = new();
    private static readonly PhoneNumberModel _phone = new();

    /// <summary>E-mail addresses in <paramref name="query"/>.</summary>
    public static IReadOnlyList<ModelResult> RecognizeEmail(string query, string culture = Culture.English)
    {
        Culture.EnsureSupported(culture);
        return _email.Parse(query);
    }

    /// <summary>URLs in <paramref name="query"/>.</summary>
    public static IReadOnlyList<ModelResult> RecognizeURL(string query, string culture = Culture.English)
    {
        Culture.EnsureSupported(culture);
        return _url.Parse(query);
    }

    /// <summary>Phone numbers in <paramref name="query"/>, each with a confidence score.</summary>
    public static IReadOnlyList<ModelResult> RecognizePhoneNumber(string query, string culture = Culture.English)
    {
        Culture.EnsureSupported(culture);
        return _phone.Parse(query);
    }
}
