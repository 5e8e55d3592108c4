namespace AuthorBot.Recognizers.Specs;

/// <summary>Outcome of one spec file.</summary>
/// <param name="File">Path relative to <c>Specs/English</c>.</param>
/// <param name="HasModel">Whether <see cref="SpecModelRegistry"/> has a model for it.</param>
/// <param name="Outcomes">Every case, in file order.</param>
public sealed record SpecFileReport(string File, bool HasModel, IReadOnlyList<CaseOutcome> Outcomes)
{
    public int Total => Outcomes.Count;

    public int Skipped => Outcomes.Count(o => o.Skipped);

    public int Run => Total - Skipped;

    public int Passed => Outcomes.Count(o => o.Passed);

    public IEnumerable<CaseOutcome> Failures => Outcomes.Where(o => !o.Skipped && !o.Passed);
}
