using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AuthorBot.Benchmarks;

/// <summary>
/// The 99th percentile of the per-operation time over every measured iteration (BenchmarkDotNet has no P99 column).
/// Its own statistics drop outliers first; a tail percentile without the tail would flatter the code, so this one
/// reads all the actual workload measurements.
/// </summary>
public sealed class Percentile99Column : IColumn
{
    public string Id => nameof(Percentile99Column);

    public string ColumnName => "P99";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => "99th percentile of the time per operation over all measured iterations, outliers included (1 operation per iteration in the recommender job)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report is null)
        {
            return "NA";
        }

        var perOperation = report.AllMeasurements
            .Where(m => m.Is(IterationMode.Workload, IterationStage.Actual))
            .Select(m => m.Nanoseconds / m.Operations)
            .Order()
            .ToArray();
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
