namespace AuthorBot.Recognizers.DateTime;

/// <summary>Keeps the longest candidates when spans overlap, as the upstream merged extractor does.</summary>
internal static class CandidateSelection
{
    public static List<DateTimeCandidate> LongestNonOverlapping(IEnumerable<DateTimeCandidate> candidates)
    {
        var ordered = candidates
            .Select((c, i) => (c, i))
            .OrderByDescending(x => x.c.Length)
            .ThenBy(x => x.i)
            .Select(x => x.c);
        var kept = new List<DateTimeCandidate>();
        foreach (var c in ordered)
        {
            if (!kept.Exists(k => k.Overlaps(c)))
            {
                kept.Add(c);
            }
        }

        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
