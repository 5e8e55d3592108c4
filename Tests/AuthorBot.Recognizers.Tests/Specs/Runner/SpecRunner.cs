using System.Text.Json.Nodes;

namespace AuthorBot.Recognizers.Specs;

/// <summary>Loads the copied spec files and runs them through the registered models.</summary>
public static class SpecRunner
{
    private static readonly JsonNodeOptions _nodeOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The <c>Specs</c> folder copied next to the running assembly.</summary>
    public static string SpecsRoot => Path.Combine(AppContext.BaseDirectory, "Specs");

    /// <summary>Every spec file, relative to <c>Specs/English</c> with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> AllFiles()
    {
        var english = Path.Combine(SpecsRoot, "English");
        return Directory.EnumerateFiles(english, "*.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(english, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The cases of <paramref name="file"/>.</summary>
    public static IReadOnlyList<SpecCase> Load(string file)
    {
        // File.ReadAllText strips the UTF-8 BOM that DateTimeModel.json starts with.
        var json = File.ReadAllText(Path.Combine(SpecsRoot, "English", file));
        var array = JsonNode.Parse(json, _nodeOptions) as JsonArray
            ?? throw new InvalidDataException($"{file} is not a JSON array.");
        return array.Select((node, index) => SpecCase.FromJson(file, index, node as JsonObject
            ?? throw new InvalidDataException($"{file} case {index} is not an object."))).ToList();
    }

    /// <summary>Runs every case of <paramref name="file"/>; a model that throws fails that case only.</summary>
    public static SpecFileReport Run(string file)
    {
        var cases = Load(file);
        SpecModelRegistry.Models.TryGetValue(file, out var model);
        var outcomes = new List<CaseOutcome>(cases.Count);
        foreach (var specCase in cases)
        {
            if (specCase.IsSkipped)
            {
                outcomes.Add(new CaseOutcome(specCase, true, false, null));
                continue;
            }

            if (model is null)
            {
                outcomes.Add(new CaseOutcome(specCase, false, false, "no model registered"));
                continue;
            }

            string? failure;
            try
            {
                failure = SpecComparer.Compare(specCase, model(specCase.Input, specCase));
            }
#pragma warning disable CA1031 // A crashing case is a failed case; the run must go on to report the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = $"threw {ex.GetType().Name}: {ex.Message}";
            }

            outcomes.Add(new CaseOutcome(specCase, false, failure is null, failure));
        }

        return new SpecFileReport(file, model is not null, outcomes);
    }

    /// <summary>Runs every spec file.</summary>
    public static IReadOnlyList<SpecFileReport> RunAll() => AllFiles().Select(Run).ToList();
}
