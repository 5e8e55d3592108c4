using AuthorBot.Recognizers.Specs;

// Prints the per-file pass-rate table of the Recognizers-Text specs (Markdown).
//   --failures <file>   also list the failing cases of one spec file ("Number/NumberModel.json"), or "all"
//   --update-baseline   rewrite Tests/AuthorBot.Recognizers.Tests/Specs/baseline.json (found from the solution root)
//   --update-baseline-for <prefix>   rewrite only the entries of files starting with <prefix> ("DateTime/"), keep the rest
var failuresOf = ArgValue(args, "--failures");
var onlyPrefix = ArgValue(args, "--update-baseline-for");
var updateBaseline = args.Contains("--update-baseline", StringComparer.Ordinal) || onlyPrefix is not null;

var reports = SpecRunner.RunAll();
Console.WriteLine(SpecTable.ToMarkdown(reports, BotSubset.Compute(reports)));

if (failuresOf is not null)
{
    foreach (var report in reports.Where(r => r.HasModel && (failuresOf == "all" || r.File == failuresOf)))
    {
        Console.WriteLine($"## Failures in {report.File}");
        foreach (var failure in report.Failures)
        {
            Console.WriteLine($"- #{failure.Case.Index} `{failure.Case.Input}`: {failure.Failure}");
        }
    }
}

if (updateBaseline)
{
    var root = FindSolutionRoot(Environment.CurrentDirectory) ?? FindSolutionRoot(AppContext.BaseDirectory);
    if (root is null)
    {
        Console.Error.WriteLine("AuthorBot.sln not found above the current or the tool's folder; baseline not written.");
        return 1;
    }

    var path = Path.Combine(root, "Tests", "AuthorBot.Recognizers.Tests", "Specs", "baseline.json");
    var fresh = SpecBaseline.FromReports(reports);
    if (onlyPrefix is not null)
    {
        var merged = SpecBaseline.Load(path);
        foreach (var file in merged.Files.Keys.Where(f => f.StartsWith(onlyPrefix, StringComparison.Ordinal)).ToList())
        {
            merged.Files.Remove(file);
        }

        foreach (var (file, entry) in fresh.Files.Where(e => e.Key.StartsWith(onlyPrefix, StringComparison.Ordinal)))
        {
            merged.Files[file] = entry;
        }

        fresh = merged;
    }

    fresh.Save(path);
    Console.WriteLine($"Baseline written: {Path.GetRelativePath(root, path)}");
}

return 0;

static string? ArgValue(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string? FindSolutionRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AuthorBot.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}
