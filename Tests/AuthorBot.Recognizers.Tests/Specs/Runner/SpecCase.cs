using System.Globalization;
using System.Text.Json.Nodes;

namespace AuthorBot.Recognizers.Specs;

/// <summary>One case of a Recognizers-Text spec file.</summary>
public sealed class SpecCase
{
    private static readonly string[] _dotNetNames = ["dotnet"];

    /// <summary>Spec file, relative to the English folder ("Number/NumberModel.json").</summary>
    public required string File { get; init; }

    /// <summary>Zero-based position of the case in its file.</summary>
    public required int Index { get; init; }

    /// <summary>Text passed to the recognizer.</summary>
    public required string Input { get; init; }

    /// <summary>Expected results in output order.</summary>
    public required IReadOnlyList<JsonObject> Results { get; init; }

    /// <summary>Platforms that do not support the case ("dotnet, javascript").</summary>
    public string? NotSupported { get; init; }

    /// <summary>Platforms that skip the case by design.</summary>
    public string? NotSupportedByDesign { get; init; }

    /// <summary>Spans are checked but not the resolution.</summary>
    public bool IgnoreResolution { get; init; }

    /// <summary>The "now" of the case (<c>Context.ReferenceDateTime</c>), when given.</summary>
    public System.DateTime? ReferenceDateTime { get; init; }

    /// <summary>
    /// The official .NET runner's skip rule: a case listing <c>dotnet</c> in <c>NotSupported</c> or
    /// <c>NotSupportedByDesign</c> (comma-separated, trimmed, case-insensitive), or with an empty input.
    /// </summary>
    public bool IsSkipped => string.IsNullOrEmpty(Input) || Lists(NotSupported) || Lists(NotSupportedByDesign);

    /// <summary>Expected results are empty: nothing may be recognized.</summary>
    public bool IsNegative => Results.Count == 0;

    private static bool Lists(string? platforms) =>
        platforms is not null && platforms.Split(',', StringSplitOptions.TrimEntries)
            .Any(p => _dotNetNames.Contains(p, StringComparer.OrdinalIgnoreCase));

    /// <summary>Builds a case from its JSON object (property names matched case-insensitively by the caller's node options).</summary>
    public static SpecCase FromJson(string file, int index, JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var results = node[nameof(Results)] is JsonArray array
            ? array.OfType<JsonObject>().ToList()
            : [];
        System.DateTime? reference = null;
        if (node["Context"] is JsonObject context && context[nameof(ReferenceDateTime)]?.GetValue<string>() is { } text)
        {
            // The copied files carry no offset: read the value as local wall-clock time.
            reference = System.DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        }

        return new SpecCase
        {
            File = file,
            Index = index,
            Input = node[nameof(Input)]?.GetValue<string>() ?? string.Empty,
            Results = results,
            NotSupported = node[nameof(NotSupported)]?.GetValue<string>(),
            NotSupportedByDesign = node[nameof(NotSupportedByDesign)]?.GetValue<string>(),
            IgnoreResolution = node[nameof(IgnoreResolution)]?.GetValue<bool>() ?? false,
            ReferenceDateTime = reference,
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{File}#{Index} \"{Input}\"";
}
