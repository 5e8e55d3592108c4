using AuthorBot.Recognizers.Sequence.English;

namespace AuthorBot.Recognizers.Sequence;

/// <summary>Finds e-mail addresses.</summary>
internal static class EmailExtractor
{
    public static List<SequenceMatch> Extract(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var results = new List<SequenceMatch>();
        foreach (var match in EnglishSequenceData.Email().EnumerateMatches(query))
        {
            results.Add(new SequenceMatch(match.Index, match.Length));
        }

        return results;
    }
}
