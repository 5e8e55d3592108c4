namespace AuthorBot.Understanding.Writing;

/// <summary>What the analyzer found in one manuscript: figures, where they come from, and the suggestions that matter most.</summary>
/// <param name="Words">Words, counted the way readers would (runs of letters and digits).</param>
/// <param name="Sentences">Sentences.</param>
/// <param name="Paragraphs">Paragraphs.</param>
/// <param name="Readability">The five readability formulas.</param>
/// <param name="SentenceLengths">How sentence lengths spread.</param>
/// <param name="PassiveSentences">Sentences in the passive voice.</param>
/// <param name="Adverbs">"-ly" adverbs, most used first.</param>
/// <param name="Fillers">Filler words ("just", "really"), most used first.</param>
/// <param name="Hedges">Hedge words ("perhaps", "seemed"), most used first.</param>
/// <param name="Repetitions">The same word again within a few words.</param>
/// <param name="DialogueShare">The share of the text's letters inside quotation marks, 0 to 1.</param>
/// <param name="ParagraphTone">Each paragraph's tone, -1 (dark) to +1 (bright).</param>
/// <param name="Suggestions">The suggestions that matter most, best first (at most five).</param>
public sealed record WritingReport(
    int Words,
    int Sentences,
    int Paragraphs,
    ReadabilityScores Readability,
    SentenceLengthSpread SentenceLengths,
    IReadOnlyList<WritingFinding> PassiveSentences,
    IReadOnlyList<WordTally> Adverbs,
    IReadOnlyList<WordTally> Fillers,
    IReadOnlyList<WordTally> Hedges,
    IReadOnlyList<WritingFinding> Repetitions,
    double DialogueShare,
    IReadOnlyList<double> ParagraphTone,
    IReadOnlyList<WritingSuggestion> Suggestions)
{
    /// <summary>How many "-ly" adverbs in all.</summary>
    public int AdverbCount => Adverbs.Sum(a => a.Count);

    /// <summary>How many filler words in all.</summary>
    public int FillerCount => Fillers.Sum(a => a.Count);

    /// <summary>How many hedge words in all.</summary>
    public int HedgeCount => Hedges.Sum(a => a.Count);
}
