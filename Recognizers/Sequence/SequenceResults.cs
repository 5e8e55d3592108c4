namespace AuthorBot.Recognizers.Sequence;

/// <summary>Turns sequence spans into model results whose resolution value is the matched text.</summary>
internal static class SequenceResults
{
    public static IReadOnlyList<ModelResult> Build(string query, List<SequenceMatch> matches, string typeName)
    {
        var results = new List<ModelResult>(matches.Count);
        foreach (var m in matches)
        {
            var resolution = new Dictionary<string, object>(1, StringComparer.Ordinal) { ["value"] = query.Substring(m.Start, m.Length) };
            results.Add(ResultFormatting.ToModelResult(query, m.Start, m.Length, typeName, resolution));
        }

        return results;
    }
}
