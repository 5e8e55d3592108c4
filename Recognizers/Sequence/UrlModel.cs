namespace AuthorBot.Recognizers.Sequence;

/// <summary>URLs: <c>{"value": "https://abc.com"}</c> (the URL as written).</summary>
public sealed class UrlModel : IModel
{
    /// <inheritdoc />
    public string ModelTypeName => "url";

    /// <inheritdoc />
    public IReadOnlyList<ModelResult> Parse(string query) => SequenceResults.Build(query, UrlExtractor.Extract(query), ModelTypeName);
}
