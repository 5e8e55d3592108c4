using System.Text.RegularExpressions;

namespace AuthorBot.Dialogs.Preferences;

/// <summary>Reads a reader's topics: "fantasy, mysteries and signings" becomes three lower-case topics.</summary>
public static partial class TopicsParser
{
    /// <summary>The most topics a reader may keep.</summary>
    public const int MaxTopics = 10;

    /// <summary>The longest topic.</summary>
    public const int MaxLength = 40;

    /// <summary>Parses an answer.</summary>
    /// <param name="text">The answer.</param>
    /// <param name="topics">The topics; empty for "none".</param>
    /// <returns>True when the answer is a list of up to <see cref="MaxTopics"/> short topics or "none".</returns>
    public static bool TryParse(string? text, out IReadOnlyList<string> topics)
    {
        topics = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Trim().ToLowerInvariant();
        if (None().IsMatch(normalized))
        {
            return true;
        }

        var parts = Separators().Split(normalized)
            .Select(p => p.Trim(' ', '.', '!', '"', '\''))
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (parts.Count is 0 or > MaxTopics || parts.Any(p => p.Length > MaxLength || !p.Any(char.IsLetter)))
        {
            return false;
        }

        topics = parts;
        return true;
    }

    [GeneratedRegex(@"^(none|nothing|no topics|clear( them| it)?|no)$")]
    private static partial Regex None();

    [GeneratedRegex(@"\s*(?:,|;|\band\b|&|\+|/)\s*")]
    private static partial Regex Separators();
}
