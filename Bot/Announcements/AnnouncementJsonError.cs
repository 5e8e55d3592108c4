using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Turns a JSON reading error into a message a marketer can act on: the field as written in the body, what it should
/// hold and where. The serializer's own wording names .NET types ("System.Nullable`1[System.DateTimeOffset]"), which
/// says nothing to someone writing JSON by hand.
/// </summary>
internal static partial class AnnouncementJsonError
{
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } column
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, column {column + 1})")
            : string.Empty;
        if (StrictJson.DuplicateOf(exception.Message) is { } duplicate)
        {
            return $"'{duplicate}' appears twice in one object{where}; send each field once.";
        }

        var field = FieldOf(exception.Path);
        if (ConvertedTo().Match(exception.Message) is { Success: true } match)
        {
            var expected = Expected(match.Groups["type"].Value);
            return field is null
                ? $"The body must be a JSON object describing the announcement{where}."
                : $"'{field}' must be {expected}{where}.";
        }

        // Syntax errors: the reader's own first sentence is plain enough ("'h' is an invalid start of a value.").
        var sentence = exception.Message.Split(" Path:", 2)[0].TrimEnd('.');
        return field is null ? $"The body is not valid JSON: {sentence}{where}." : $"The body is not valid JSON at '{field}': {sentence}{where}.";
    }

    private static string? FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("DateTimeOffset", StringComparison.Ordinal) => "a date and time with its offset, like \"2026-12-01T18:00:00+01:00\"",
        _ when type.Contains("TimeSpan", StringComparison.Ordinal) => "a duration like \"01:30:00\"",
        _ when type.Contains("Int", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("String", StringComparison.Ordinal) && !type.Contains("List", StringComparison.Ordinal) => "a string",
        _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ => "an object",
    };

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.? Path:", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();
}
