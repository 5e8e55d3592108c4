using System.Globalization;
using System.Text.Json;

namespace AuthorBot.BotFramework.Tests.Schema;

/// <summary>Semantic JSON comparison: same members and values; timestamps compared as instants (and offsets for localTimestamp).</summary>
internal static class JsonTree
{
    private static readonly HashSet<string> _instantFields = new(StringComparer.Ordinal) { "timestamp", "expiration" };

    public static void AssertEquivalent(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            throw new Xunit.Sdk.XunitException($"{path}: expected {expected.ValueKind} {expected.GetRawText()} but got {actual.ValueKind} {actual.GetRawText()}");
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var missing = expectedNames.Except(actualNames).ToList();
                var extra = actualNames.Except(expectedNames).ToList();
                if (missing.Count > 0 || extra.Count > 0)
                {
                    throw new Xunit.Sdk.XunitException($"{path}: lost [{string.Join(", ", missing)}], added [{string.Join(", ", extra)}]");
                }

                foreach (var property in expected.EnumerateObject())
                {
                    var childPath = path + "." + property.Name;
                    var other = actual.GetProperty(property.Name);
                    if (property.Value.ValueKind == JsonValueKind.String && IsTimestampField(property.Name))
                    {
                        AssertSameTime(property.Name, property.Value.GetString()!, other.GetString(), childPath);
                    }
                    else
                    {
                        AssertEquivalent(property.Value, other, childPath);
                    }
                }

                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    throw new Xunit.Sdk.XunitException($"{path}: expected {expectedItems.Count} items but got {actualItems.Count}");
                }

                for (var i = 0; i < expectedItems.Count; i++)
                {
                    AssertEquivalent(expectedItems[i], actualItems[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.Number:
                if (expected.GetDecimal() != actual.GetDecimal())
                {
                    throw new Xunit.Sdk.XunitException($"{path}: expected {expected.GetRawText()} but got {actual.GetRawText()}");
                }

                break;
            case JsonValueKind.String:
                if (!string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal))
                {
                    throw new Xunit.Sdk.XunitException($"{path}: expected \"{expected.GetString()}\" but got \"{actual.GetString()}\"");
                }

                break;
            default:
                break;
        }
    }

    private static bool IsTimestampField(string name) => _instantFields.Contains(name) || string.Equals(name, "localTimestamp", StringComparison.Ordinal);

    private static void AssertSameTime(string field, string expected, string? actual, string path)
    {
        var e = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        var a = DateTimeOffset.Parse(actual ?? throw new Xunit.Sdk.XunitException($"{path}: timestamp became null"), CultureInfo.InvariantCulture);
        if (e != a || (!_instantFields.Contains(field) && e.Offset != a.Offset))
        {
            throw new Xunit.Sdk.XunitException($"{path}: expected {expected} but got {actual}");
        }
    }
}
