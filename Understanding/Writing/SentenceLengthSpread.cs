namespace AuthorBot.Understanding.Writing;

/// <summary>How sentence lengths (in words) spread: a page of equal sentences drones, one of wild swings tires.</summary>
/// <param name="Mean">Average words per sentence.</param>
/// <param name="StandardDeviation">Their standard deviation.</param>
/// <param name="Shortest">The shortest sentence.</param>
/// <param name="Median">The median sentence.</param>
/// <param name="Longest">The longest sentence.</param>
/// <param name="OverThirty">Sentences of more than thirty words.</param>
public sealed record SentenceLengthSpread(double Mean, double StandardDeviation, int Shortest, int Median, int Longest, int OverThirty);
