namespace AuthorBot.Recognizers.Number;

/// <summary>Cardinal numbers: <c>{"value": "192", "subtype": "integer"}</c>.</summary>
public sealed class NumberModel : IModel
{
    /// <inheritdoc />
    public string ModelTypeName => "number";

    /// <inheritdoc />
    public IReadOnlyList<ModelResult> Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var extracted = NumberExtractor.Extract(query);
        var results = new List<ModelResult>(extracted.Count);
        foreach (var er in extracted)
        {
            var number = (ParsedNumber)er.Data!;
            results.Add(ResultFormatting.ToModelResult(query, er.Start, er.Length, ModelTypeName, NumberParser.ResolveNumber(number)));
        }

        return results;
    }
}
