using System.Globalization;
using System.Text;

namespace AuthorBot.Recognizers.Specs;

/// <summary>Renders spec outcomes as a Markdown table.</summary>
public static class SpecTable
{
    public static string ToMarkdown(IReadOnlyList<SpecFileReport> reports, IReadOnlyList<BotSubset.Row> subset)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(subset);
        var sb = new StringBuilder();
        sb.AppendLine("| Spec file | Cases | Skipped | Run | Passed | Pass rate |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in reports)
        {
            var rate = r.HasModel ? SpecComparer.Percent(r.Passed, r.Run) : "no model";
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.File} | {r.Total} | {r.Skipped} | {r.Run} | {r.Passed} | {rate} |");
        }

        var modelled = reports.Where(r => r.HasModel).ToList();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"| **all files with a model** | {modelled.Sum(r => r.Total)} | {modelled.Sum(r => r.Skipped)} | {modelled.Sum(r => r.Run)} | {modelled.Sum(r => r.Passed)} | {SpecComparer.Percent(modelled.Sum(r => r.Passed), modelled.Sum(r => r.Run))} |");
        sb.AppendLine();
        sb.AppendLine("| Bot subset | Run | Passed | Pass rate |");
        sb.AppendLine("|---|---:|---:|---:|");
        foreach (var row in subset)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Run} | {row.Passed} | {SpecComparer.Percent(row.Passed, row.Run)} |");
        }

        return sb.ToString();
    }
}
