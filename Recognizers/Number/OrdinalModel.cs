namespace AuthorBot.Recognizers.Number;

/// <summary>Ordinals (<c>ordinal</c>) and relative ordinals (<c>ordinal.relative</c>: next, last, previous...).</summary>
public sealed class OrdinalModel : IModel
{
    /// <inheritdoc />
    public string ModelTypeName => "ordinal";

    /// <inheritdoc />
    public IReadOnlyList<ModelResult> Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var extracted = OrdinalExtractor.Extract(query);
        var results = new List<ModelResult>(extracted.Count);
        foreach (var er in extracted)
        {
            var resolution = er.Data is OrdinalExtractor.RelativeOrdinal relative
                ? NumberParser.ResolveRelativeOrdinal(relative.Offset, relative.RelativeTo)
                : NumberParser.ResolveOrdinal((double)er.Data!);
            results.Add(ResultFormatting.ToModelResult(query, er.Start, er.Length, er.Type, resolution));
        }

        return results;
    }
}
