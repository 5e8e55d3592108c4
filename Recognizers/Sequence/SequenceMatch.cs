namespace AuthorBot.Recognizers.Sequence;

/// <summary>A span found by a sequence extractor.</summary>
/// <param name="Start">Start offset.</param>
/// <param name="Length">Length.</param>
internal readonly record struct SequenceMatch(int Start, int Length)
{
    public int End => Start + Length;
}
