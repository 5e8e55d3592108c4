namespace AuthorBot.Recognizers.Choice;

/// <summary>Entry point for yes/no answers, shaped like Recognizers-Text's <c>ChoiceRecognizer</c>.</summary>
public static class ChoiceRecognizer
{
    private static readonly BooleanModel _boolean = new();

    /// <summary>The yes/no answer in <paramref name="query"/>, if any (at most one result).</summary>
    public static IReadOnlyList<ModelResult> RecognizeBoolean(string query, string culture = Culture.English)
    {
        Culture.EnsureSupported(culture);
        return _boolean.Parse(query);
    }
}
