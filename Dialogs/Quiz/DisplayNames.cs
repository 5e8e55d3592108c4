using System.Text.RegularExpressions;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>
/// Checks a leaderboard name: 2 to 24 letters, digits, spaces and simple punctuation, and nothing that looks like an
/// email address or a link, since every reader sees it.
/// </summary>
internal static partial class DisplayNames
{
    public const int MaxLength = 24;

    /// <summary>The cleaned name, or null with the reason it was refused.</summary>
    public static (string? Name, string? Problem) Check(string? text)
    {
        var name = Spaces().Replace(text?.Trim().Trim('"', '\'', '“', '”', '.', '!') ?? string.Empty, " ");
        if (name.Length < 2 || name.Length > MaxLength)
        {
            return (null, $"A leaderboard name needs 2 to {MaxLength} characters.");
        }

        if (name.Contains('@', StringComparison.Ordinal) || Link().IsMatch(name))
        {
            return (null, "Please pick a name that isn't an email address or a link; every reader sees it.");
        }

        return Allowed().IsMatch(name) ? (name, null) : (null, "Please use letters, digits, spaces, dots, dashes or underscores only.");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"https?:|www\.|\.(com|org|net|io)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}
