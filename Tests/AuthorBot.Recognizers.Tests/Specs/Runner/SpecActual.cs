using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorBot.Recognizers.Specs;

/// <summary>
/// A recognizer result in the neutral shape the comparer reads. Models adapt their own result types to it
/// (see <see cref="From(IEnumerable{ModelResult})"/>); the resolution is compared as JSON.
/// </summary>
/// <param name="Text">Matched text.</param>
/// <param name="Start">Start offset.</param>
/// <param name="End">Inclusive end offset.</param>
/// <param name="TypeName">Entity type name.</param>
/// <param name="Resolution">Resolution as a JSON object.</param>
/// <param name="ParentText">Whole alternative expression, for <c>datetimeV2.datetimealt</c>.</param>
public sealed record SpecActual(string Text, int Start, int End, string TypeName, JsonObject Resolution, string? ParentText = null)
{
    /// <summary>Converts any resolution object (dictionaries, lists, strings, numbers, bools) to JSON.</summary>
    public static JsonObject ToJson(object resolution) =>
        JsonSerializer.SerializeToNode(resolution, resolution.GetType()) as JsonObject ?? [];

    /// <summary>Adapts library <see cref="ModelResult"/>s.</summary>
    public static IReadOnlyList<SpecActual> From(IEnumerable<ModelResult> results) =>
        results.Select(r => new SpecActual(r.Text, r.Start, r.End, r.TypeName, ToJson(r.Resolution), r.ParentText)).ToList();
}
