namespace AuthorBot.Recognizers.DateTime;

/// <summary>An extracted span together with its parsed value.</summary>
internal sealed record DateTimeCandidate(int Start, int Length, DateTimeValue Value)
{
    public int End => Start + Length;

    public bool Overlaps(DateTimeCandidate other) => Start < other.End && other.Start < End;

    public bool Covers(DateTimeCandidate other) => Start <= other.Start && other.End <= End;
}
