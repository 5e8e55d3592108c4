namespace AuthorBot.Recommenders.Ranking;

/// <summary>What a reader has told about themselves, when they have; the learned stage uses it where its training data had it.</summary>
/// <param name="Age">Age in years.</param>
/// <param name="Gender">"M", "F" or another self-description.</param>
public sealed record ReaderTraits(int? Age = null, string? Gender = null);
