using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Fills <c>{field}</c> placeholders from the reader's profile: <c>{name}</c>, <c>{firstName}</c>, <c>{interests}</c>,
/// <c>{timeZone}</c>, <c>{locale}</c>. <c>{name|friend}</c> gives the text used when the field is empty (default: "reader"
/// for names, nothing for the rest). Unknown fields are refused when the announcement is created, not at send time.
/// </summary>
internal static partial class MessageTemplate
{
    public static readonly IReadOnlyList<string> Fields = ["name", "firstName", "interests", "timeZone", "locale"];

    /// <summary>Null when <paramref name="template"/> is usable, otherwise what is wrong with it.</summary>
    public static string? Validate(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        foreach (Match match in Placeholder().Matches(template))
        {
            if (!Fields.Contains(match.Groups["field"].Value, StringComparer.OrdinalIgnoreCase))
            {
                return $"Unknown placeholder '{match.Value}'; use one of {string.Join(", ", Fields.Select(f => "{" + f + "}"))}.";
            }
        }

        var open = template.Count(c => c == '{');
        var close = template.Count(c => c == '}');
        return open != close ? "Unbalanced braces: every '{' needs a matching '}'." : null;
    }

    /// <summary>The template with the reader's values filled in.</summary>
    public static string Render(string template, ReaderProfile? profile) =>
        Placeholder().Replace(template, match =>
        {
            var value = Value(match.Groups["field"].Value, profile);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            return match.Groups["fallback"].Success
                ? match.Groups["fallback"].Value
                : match.Groups["field"].Value.Contains("name", StringComparison.OrdinalIgnoreCase) ? "reader" : string.Empty;
        });

    private static string? Value(string field, ReaderProfile? profile)
    {
        if (profile is null)
        {
            return null;
        }

        return field.ToUpperInvariant() switch
        {
            "NAME" => profile.Name?.Trim(),
            "FIRSTNAME" => profile.Name?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
            "INTERESTS" => string.Join(", ", profile.Interests),
            "TIMEZONE" => profile.TimeZone,
            "LOCALE" => profile.Locale?.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    [GeneratedRegex(@"\{(?<field>[A-Za-z]+)(\|(?<fallback>[^{}]*))?\}")]
    private static partial Regex Placeholder();
}
