using AuthorBot.Recognizers.Specs;
using Xunit.Abstractions;

namespace AuthorBot.Recognizers.Tests;

/// <summary>Runs the Recognizers-Text English specs and holds every modelled file to its committed baseline.</summary>
public sealed class SpecConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> ModelledFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in SpecModelRegistry.Models.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelledFiles))]
    public void Spec_file_passes_no_fewer_cases_than_its_baseline(string file)
    {
        var report = SpecRunner.Run(file);
        var baseline = SpecBaseline.Load(SpecBaseline.DefaultPath);
        output.WriteLine($"{file}: {report.Passed}/{report.Run} passed ({report.Skipped} skipped)");
        foreach (var failure in report.Failures)
        {
            output.WriteLine($"  failing #{failure.Case.Index} \"{failure.Case.Input}\": {failure.Failure}");
        }

        Assert.True(baseline.Files.ContainsKey(file), $"{file} has a model but no baseline entry; run the spec report with --update-baseline.");
        var regressions = baseline.Regressions(report);
        Assert.True(regressions.Count == 0, string.Join(Environment.NewLine, regressions));
    }

    [Fact]
    public void Every_spec_file_is_present_and_parses()
    {
        var files = SpecRunner.AllFiles();
        Assert.Equal(15, files.Count);
        var total = files.Sum(f => SpecRunner.Load(f).Count);
        var skipped = files.Sum(f => SpecRunner.Load(f).Count(c => c.IsSkipped));

        // Counts from the specs README: 2958 cases, 54 skipped for .NET.
        Assert.Equal(2958, total);
        Assert.Equal(54, skipped);
    }

    [Fact]
    public void Bot_subset_table_is_printed_with_its_own_rows()
    {
        var reports = SpecModelRegistry.Models.Keys.Select(SpecRunner.Run).ToList();
        var subset = BotSubset.Compute(reports);
        output.WriteLine(SpecTable.ToMarkdown(reports, subset));
        var integers = subset.Single(r => r.Name.StartsWith("integers", StringComparison.Ordinal));
        Assert.True(integers.Run > 50, "the integer subset should select the integer cases of NumberModel.json");
        Assert.Equal(subset.Take(subset.Count - 1).Sum(r => r.Run), subset[^1].Run);
    }
}
