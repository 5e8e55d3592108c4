using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorBot.Recognizers.Specs;

/// <summary>
/// Compares actual results with a case's expected results, following the official .NET runner's assertions with
/// the relaxations of the specs README: text and Email/URL values ignore case, Boolean scores use a tolerance,
/// and spans are not checked in <c>DateTimeModelSplitDateAndTime.json</c> (an upstream span bug).
/// </summary>
public static class SpecComparer
{
    private const double ScoreTolerance = 1e-9;

    /// <summary>Returns null when the case passes, otherwise why it failed.</summary>
    public static string? Compare(SpecCase specCase, IReadOnlyList<SpecActual> actual)
    {
        ArgumentNullException.ThrowIfNull(specCase);
        ArgumentNullException.ThrowIfNull(actual);
        var expected = specCase.Results;
        var sorted = actual.OrderBy(a => a.Start).ToList();
        if (sorted.Count != expected.Count)
        {
            return $"expected {expected.Count} result(s) [{string.Join(", ", expected.Select(e => $"'{Str(e["Text"])}'"))}], " +
                   $"got {sorted.Count} [{string.Join(", ", sorted.Select(a => $"'{a.Text}' {a.TypeName} {a.Resolution.ToJsonString()}"))}]";
        }

        var checkSpans = !specCase.File.EndsWith("DateTimeModelSplitDateAndTime.json", StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i < expected.Count; i++)
        {
            var failure = ComparePair(specCase, expected[i], sorted[i], checkSpans);
            if (failure is not null)
            {
                return $"result {i} ('{sorted[i].Text}'): {failure}";
            }
        }

        return null;
    }

    private static string? ComparePair(SpecCase specCase, JsonObject expected, SpecActual actual, bool checkSpans)
    {
        var typeName = Str(expected["TypeName"] ?? expected["Type"]);
        if (typeName is not null && !string.Equals(typeName, actual.TypeName, StringComparison.Ordinal))
        {
            return $"type {actual.TypeName}, expected {typeName}";
        }

        var text = Str(expected["Text"]);
        if (text is not null && !string.Equals(text, actual.Text, StringComparison.OrdinalIgnoreCase))
        {
            return $"text '{actual.Text}', expected '{text}'";
        }

        if (checkSpans)
        {
            if (expected["Start"] is { } start && start.GetValue<int>() != actual.Start)
            {
                return $"start {actual.Start}, expected {start.GetValue<int>()}";
            }

            if (expected["End"] is { } end && end.GetValue<int>() != actual.End)
            {
                return $"end {actual.End}, expected {end.GetValue<int>()}";
            }

            if (expected["Length"] is { } length && length.GetValue<int>() != actual.End - actual.Start + 1)
            {
                return $"length {actual.End - actual.Start + 1}, expected {length.GetValue<int>()}";
            }
        }

        if (Str(expected["ParentText"]) is { } parent && !string.Equals(parent, actual.ParentText, StringComparison.OrdinalIgnoreCase))
        {
            return $"parent text '{actual.ParentText}', expected '{parent}'";
        }

        if (specCase.IgnoreResolution || (expected["Resolution"] ?? expected["Value"]) is not JsonObject resolution)
        {
            return null;
        }

        var failure = CompareResolution(specCase.File, typeName ?? actual.TypeName, resolution, actual.Resolution);
        return failure is null ? null : $"{failure}; expected {resolution.ToJsonString()}, got {actual.Resolution.ToJsonString()}";
    }

    private static string? CompareResolution(string file, string typeName, JsonObject expected, JsonObject actual)
    {
        var name = Path.GetFileName(file);
        switch (name)
        {
            case "NumberModel.json":
            case "PercentModel.json":
                return Equal(expected, actual, "value", StringComparison.Ordinal)
                    ?? (expected.ContainsKey("subtype") ? Equal(expected, actual, "subtype", StringComparison.Ordinal) : null);
            case "OrdinalModel.json":
                return Equal(expected, actual, "offset", StringComparison.Ordinal)
                    ?? Equal(expected, actual, "relativeTo", StringComparison.Ordinal)
                    ?? (typeName == "ordinal.relative" ? null : Equal(expected, actual, "value", StringComparison.Ordinal));
            case "BooleanModel.json":
                return CompareBoolean(expected, actual);
            case "PhoneNumberModel.json":
                return Equal(expected, actual, "value", StringComparison.Ordinal)
                    ?? (expected.ContainsKey("score") ? Equal(expected, actual, "score", StringComparison.Ordinal) : null);
            case "EmailModel.json":
            case "URLModel.json":
                return Equal(expected, actual, "value", StringComparison.OrdinalIgnoreCase);
            default:
                return CompareDateTimeValues(expected, actual);
        }
    }

    private static string? CompareBoolean(JsonObject expected, JsonObject actual)
    {
        var expectedValue = expected["value"]?.GetValue<bool>();
        var actualValue = actual["value"]?.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? actual["value"]!.GetValue<bool>() : (bool?)null;
        if (expectedValue != actualValue)
        {
            return "value differs";
        }

        if (expected["score"] is { } score)
        {
            var actualScore = actual["score"]?.GetValueKind() == JsonValueKind.Number ? actual["score"]!.GetValue<double>() : double.NaN;
            if (!(Math.Abs(score.GetValue<double>() - actualScore) <= ScoreTolerance))
            {
                return "score differs";
            }
        }

        return null;
    }

    /// <summary>DateTime: same number of <c>values</c>, in order, each with the same key set and equal strings.</summary>
    private static string? CompareDateTimeValues(JsonObject expected, JsonObject actual)
    {
        if (expected["values"] is not JsonArray expectedValues)
        {
            return null;
        }

        if (actual["values"] is not JsonArray actualValues)
        {
            return "no values";
        }

        if (expectedValues.Count != actualValues.Count)
        {
            return $"{actualValues.Count} value(s), expected {expectedValues.Count}";
        }

        for (var i = 0; i < expectedValues.Count; i++)
        {
            if (expectedValues[i] is not JsonObject e || actualValues[i] is not JsonObject a)
            {
                return $"value {i} is not an object";
            }

            var expectedKeys = e.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            var actualKeys = a.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            if (!expectedKeys.SequenceEqual(actualKeys, StringComparer.Ordinal))
            {
                return $"value {i} keys [{string.Join(",", actualKeys)}], expected [{string.Join(",", expectedKeys)}]";
            }

            foreach (var key in expectedKeys)
            {
                if (!string.Equals(Str(e[key]), Str(a[key]), StringComparison.Ordinal))
                {
                    return $"value {i} {key} '{Str(a[key])}', expected '{Str(e[key])}'";
                }
            }
        }

        return null;
    }

    private static string? Equal(JsonObject expected, JsonObject actual, string key, StringComparison comparison)
    {
        var e = Str(expected[key]);
        var a = Str(actual[key]);
        return string.Equals(e, a, comparison) ? null : $"{key} '{a}', expected '{e}'";
    }

    /// <summary>A JSON value as text: strings as they are, other values as JSON.</summary>
    public static string? Str(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>Invariant formatting for reports.</summary>
    internal static string Percent(int passed, int run) =>
        run == 0 ? "-" : (100.0 * passed / run).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
