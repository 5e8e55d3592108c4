namespace AuthorBot.Recognizers.Choice;

/// <summary>Yes/no answers: <c>{"value": true, "score": 0.55}</c>; at most one result per query.</summary>
public sealed class BooleanModel : IModel
{
    /// <inheritdoc />
    public string ModelTypeName => "boolean";

    /// <inheritdoc />
    public IReadOnlyList<ModelResult> Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (BooleanExtractor.Extract(query) is not { } match)
        {
            return [];
        }

        var resolution = new Dictionary<string, object>(2, StringComparer.Ordinal)
        {
            ["value"] = match.Value,
            ["score"] = match.Score,
        };
        return [ResultFormatting.ToModelResult(query, match.Start, match.Length, ModelTypeName, resolution)];
    }
}
