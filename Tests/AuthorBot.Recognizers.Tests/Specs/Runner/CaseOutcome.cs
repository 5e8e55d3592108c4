namespace AuthorBot.Recognizers.Specs;

/// <summary>What happened to one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Skipped">Skipped by the .NET skip rule.</param>
/// <param name="Passed">Ran and matched.</param>
/// <param name="Failure">Why it failed, when it ran and did not match.</param>
public sealed record CaseOutcome(SpecCase Case, bool Skipped, bool Passed, string? Failure);
