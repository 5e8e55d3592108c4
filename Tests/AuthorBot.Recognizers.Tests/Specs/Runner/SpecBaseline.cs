using System.Text.Json;

namespace AuthorBot.Recognizers.Specs;

/// <summary>
/// The ratchet: per spec file, how many cases passed and which ran but failed when the baseline was recorded.
/// A file regresses when it passes fewer cases, or when a case that passed then fails now.
/// </summary>
public sealed class SpecBaseline
{
    private static readonly JsonSerializerOptions _options = new() { WriteIndented = true };

    /// <summary>File to entry.</summary>
    public SortedDictionary<string, SpecBaselineEntry> Files { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The committed baseline, copied next to the running assembly.</summary>
    public static string DefaultPath => Path.Combine(SpecRunner.SpecsRoot, "baseline.json");

    public static SpecBaseline Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<SpecBaseline>(File.ReadAllText(path), _options) ?? new SpecBaseline() : new SpecBaseline();

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, _options) + "\n");

    /// <summary>A baseline recording the given reports (files with a model only).</summary>
    public static SpecBaseline FromReports(IEnumerable<SpecFileReport> reports)
    {
        var baseline = new SpecBaseline();
        foreach (var report in reports.Where(r => r.HasModel))
        {
            baseline.Files[report.File] = new SpecBaselineEntry
            {
                Passed = report.Passed,
                KnownFailures = report.Failures.Select(f => f.Case.Index).ToList(),
            };
        }

        return baseline;
    }

    /// <summary>Why <paramref name="report"/> regressed against this baseline, or an empty list.</summary>
    public IReadOnlyList<string> Regressions(SpecFileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Files.TryGetValue(report.File, out var entry))
        {
            return [];
        }

        var known = entry.KnownFailures.ToHashSet();
        var regressed = report.Failures.Where(f => !known.Contains(f.Case.Index))
            .Select(f => $"  #{f.Case.Index} \"{f.Case.Input}\": {f.Failure}")
            .ToList();
        if (report.Passed < entry.Passed)
        {
            regressed.Insert(0, $"{report.File}: {report.Passed} passed, baseline {entry.Passed}");
        }
        else if (regressed.Count > 0)
        {
            regressed.Insert(0, $"{report.File}: cases that passed at baseline now fail");
        }

        return regressed;
    }
}
