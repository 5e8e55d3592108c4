namespace AuthorBot.Recognizers.Sequence;

/// <summary>E-mail addresses: <c>{"value": "dave@abc.com"}</c> (the address as written).</summary>
public sealed class EmailModel : IModel
{
    /// <inheritdoc />
    public string ModelTypeName => "email";

    /// <inheritdoc />
    public IReadOnlyList<ModelResult> Parse(string query) => SequenceResults.Build(query, EmailExtractor.Extract(query), ModelTypeName);
}
