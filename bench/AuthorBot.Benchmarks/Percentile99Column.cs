using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AuthorBot.Benchmarks;

/// <summary>The 99th percentile of the per-operation time over the measured iterations (BenchmarkDotNet has no P99 column).</summary>
public sealed class Percentile99Column : IColumn
{
    public string Id => nameof(Percentile99Column);

    public string ColumnName => "P99";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => "99th percentile of the time per operation (1 operation per iteration in the recommender job)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report is null)
        {
            return "NA";
        }

        var perOperation = report.GetResultRuns().Select(m => m.Nanoseconds / m.Operations).Order().ToArray();
        if (perOperation.Length == 0)
        {
            return "NA";
        }

        var at = (int)Math.Ceiling(0.99 * perOperation.Length) - 1;
        return (perOperation[Math.Clamp(at, 0, perOperation.Length - 1)] / 1000.0).ToString("F1", CultureInfo.InvariantCulture) + " μs";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
