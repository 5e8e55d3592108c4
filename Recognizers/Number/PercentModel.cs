namespace AuthorBot.Recognizers.Number;

/// <summary>Percentages: <c>{"value": "20%"}</c>.</summary>
public sealed class PercentModel : IModel
{
    /// <inheritdoc />
    public string ModelTypeName => "percentage";

    /// <inheritdoc />
    public IReadOnlyList<ModelResult> Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var extracted = PercentExtractor.Extract(query);
        var results = new List<ModelResult>(extracted.Count);
        foreach (var er in extracted)
        {
            results.Add(ResultFormatting.ToModelResult(query, er.Start, er.Length, ModelTypeName, NumberParser.ResolvePercent(er.Data as double?)));
        }

        return results;
    }
}
