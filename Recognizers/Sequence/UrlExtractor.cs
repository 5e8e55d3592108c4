using AuthorBot.Recognizers.Sequence.English;

namespace AuthorBot.Recognizers.Sequence;

/// <summary>Finds URLs, with a scheme ("https://…") or without ("www.abc.com", "bit.ly").</summary>
internal static class UrlExtractor
{
    public static List<SequenceMatch> Extract(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var results = new List<SequenceMatch>();
        for (var match = EnglishSequenceData.SchemeUrl().Match(query); match.Success; match = match.NextMatch())
        {
            var tld = match.Groups["tld"];
            if (tld.Success && !EnglishSequenceData.TopLevelDomainLookup.Contains(tld.ValueSpan))
            {
                continue;
            }

            results.Add(new SequenceMatch(match.Index, TrimEnd(query, match.Index, match.Length)));
        }

        for (var match = EnglishSequenceData.BareUrl().Match(query); match.Success; match = match.NextMatch())
        {
            var host = match.Groups["host"];
            if (!EnglishSequenceData.TopLevelDomainLookup.Contains(match.Groups["tld"].ValueSpan)
                || EnglishSequenceData.AmbiguousTimeDomain().IsMatch(host.ValueSpan)
                || results.Exists(r => r.Start < match.Index + match.Length && match.Index < r.End)
                || IsInsideEmail(query, match.Index, match.Length))
            {
                continue;
            }

            results.Add(new SequenceMatch(match.Index, TrimEnd(query, match.Index, match.Length)));
        }

        results.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return results;
    }

    /// <summary>Sentence punctuation after a URL ("see abc.com/x.") is not part of it.</summary>
    private static int TrimEnd(string query, int start, int length)
    {
        while (length > 0 && query[start + length - 1] is '.' or ',' or ';' or '!' or '?' or ')' or ':')
        {
            length--;
        }

        return length;
    }

    private static bool IsInsideEmail(string query, int start, int length)
    {
        var end = start + length;
        return (end < query.Length && query[end] == '@') || query.AsSpan(start, length).Contains('@');
    }
}
