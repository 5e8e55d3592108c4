using System.Text.Json.Nodes;

namespace AuthorBot.Recognizers.Specs;

/// <summary>
/// The cases a chat bot leans on: plain integers ("book 2 seats"), e-mail addresses, yes/no answers, core date
/// and time expressions and sentences that must yield no date. Computed from the per-file outcomes.
/// </summary>
public static class BotSubset
{
    private static readonly string[] _coreDateTimeTypes =
        ["datetimeV2.date", "datetimeV2.time", "datetimeV2.datetime", "datetimeV2.duration"];

    /// <summary>One row of the subset table.</summary>
    /// <param name="Name">What the row covers.</param>
    /// <param name="Run">Non-skipped cases in the row.</param>
    /// <param name="Passed">Of those, how many passed.</param>
    public sealed record Row(string Name, int Run, int Passed);

    public static IReadOnlyList<Row> Compute(IEnumerable<SpecFileReport> reports)
    {
        var byFile = reports.ToDictionary(r => r.File, StringComparer.Ordinal);
        var rows = new List<Row>
        {
            Count(byFile, "integers (NumberModel: every expected result an integer)", "Number/NumberModel.json", IsIntegerCase),
            Count(byFile, "email (EmailModel)", "Sequence/EmailModel.json", static _ => true),
            Count(byFile, "boolean (BooleanModel)", "Choice/BooleanModel.json", static _ => true),
            Count(byFile, "core date/time (DateTimeModel: date, time, datetime, duration; no Mod)", "DateTime/DateTimeModel.json", IsCoreDateTimeCase),
            Count(byFile, "date/time negatives (DateTimeModel: no result expected)", "DateTime/DateTimeModel.json", static c => c.IsNegative),
        };
        rows.Add(new Row("bot subset total", rows.Sum(r => r.Run), rows.Sum(r => r.Passed)));
        return rows;
    }

    private static Row Count(Dictionary<string, SpecFileReport> byFile, string name, string file, Func<SpecCase, bool> selects)
    {
        if (!byFile.TryGetValue(file, out var report))
        {
            return new Row(name, 0, 0);
        }

        var run = report.Outcomes.Where(o => !o.Skipped && selects(o.Case)).ToList();
        return new Row(name, run.Count, run.Count(o => o.Passed));
    }

    private static bool IsIntegerCase(SpecCase c) =>
        c.Results.Count > 0 && c.Results.All(r => SpecComparer.Str((r["Resolution"] as JsonObject)?["subtype"]) == "integer");

    private static bool IsCoreDateTimeCase(SpecCase c) =>
        c.Results.Count > 0 && c.Results.All(r =>
            _coreDateTimeTypes.Contains(SpecComparer.Str(r["TypeName"]), StringComparer.Ordinal)
            && r["Resolution"]?["values"] is JsonArray values
            && values.All(v => v is JsonObject o && !o.ContainsKey("Mod")));
}
