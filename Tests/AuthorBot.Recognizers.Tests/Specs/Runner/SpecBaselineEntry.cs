namespace AuthorBot.Recognizers.Specs;

/// <summary>One file of the <see cref="SpecBaseline"/>.</summary>
public sealed class SpecBaselineEntry
{
    /// <summary>Cases passing when recorded.</summary>
    public int Passed { get; init; }

    /// <summary>Indices of cases that ran but failed when recorded.</summary>
    public List<int> KnownFailures { get; init; } = [];
}
