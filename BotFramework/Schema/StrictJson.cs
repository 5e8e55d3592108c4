using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuthorBot.BotFramework.Schema;

/// <summary>
/// The rule every request body parser applies, on /api/messages, Direct Line and the host's own APIs alike: a key that
/// appears twice in one object is an error at any depth. Parsers disagree on which copy wins (System.Text.Json's
/// <c>JsonObject</c> even throws), so a body with duplicates could mean one thing to the check and another to the turn.
/// </summary>
public static partial class StrictJson
{
    /// <summary>Document options that refuse duplicate keys and nesting deeper than <see cref="BotJson.MaxInboundDepth"/>.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { AllowDuplicateProperties = false, MaxDepth = BotJson.MaxInboundDepth };

    /// <summary>Parses one JSON value (a leading byte-order mark skipped), refusing duplicate keys.</summary>
    /// <exception cref="JsonException">Not JSON, too deep, content after the value, or a duplicate key.</exception>
    public static JsonElement Parse(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Span.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// A one-line reason for a <see cref="JsonException"/> from reading <paramref name="body"/>: the duplicated key by its
    /// name (the serializer names the extension-data member instead when the key is one it does not model), otherwise
    /// the reader's first sentence.
    /// </summary>
    public static string Describe(JsonException exception, ReadOnlySequence<byte> body)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (DuplicateOf(exception.Message) is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(body, DocumentOptions);
            }
            catch (JsonException precise)
            {
                // The document reader stops at the first problem, which may come before the duplicate (trailing content).
                return Describe(DuplicateOf(precise.Message) is null ? exception : precise);
            }
        }

        return Describe(exception);
    }

    /// <summary>A one-line reason for a <see cref="JsonException"/>: "The key 'x' appears twice ..." or the reader's first sentence.</summary>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (DuplicateOf(exception.Message) is { } key)
        {
            return DuplicateMessage(key);
        }

        var sentence = exception.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
        return sentence.EndsWith('.') ? sentence : sentence + ".";
    }

    /// <summary>The duplicated key a <see cref="JsonException"/> message names, or null when it is about something else.</summary>
    public static string? DuplicateOf(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = Duplicate().Match(message);
        return match.Success ? match.Groups["key"].Value : null;
    }

    private static string DuplicateMessage(string key) => $"The key '{key}' appears twice in one object; send each key once.";

    [GeneratedRegex("^Duplicate property '(?<key>.*?)' encountered", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Duplicate();
}
