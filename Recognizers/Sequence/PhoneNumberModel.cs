namespace AuthorBot.Recognizers.Sequence;

/// <summary>Phone numbers: <c>{"value": "+1 541-754-3010", "score": "1"}</c> (score is a string, 0..1).</summary>
public sealed class PhoneNumberModel : IModel
{
    /// <inheritdoc />
    public string ModelTypeName => "phonenumber";

    /// <inheritdoc />
    public IReadOnlyList<ModelResult> Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lower = query.ToLowerInvariant();
        var matches = PhoneNumberExtractor.Extract(lower);
        var results = new List<ModelResult>(matches.Count);
        foreach (var m in matches)
        {
            var text = lower.Substring(m.Start, m.Length);
            var resolution = new Dictionary<string, object>(2, StringComparer.Ordinal)
            {
                // Lower case like upstream: "1482X63888" and "1482x63888" are the same number.
                ["value"] = text,
                ["score"] = PhoneNumberScorer.Format(PhoneNumberScorer.Score(text)),
            };
            results.Add(ResultFormatting.ToModelResult(query, m.Start, m.Length, ModelTypeName, resolution));
        }

        return results;
    }
}
