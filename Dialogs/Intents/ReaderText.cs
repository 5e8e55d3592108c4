using System.Text.RegularExpressions;

namespace AuthorBot.Dialogs.Intents;

/// <summary>How the flows' own small parsers (a list's "more", a genre list) see a message.</summary>
public static partial class ReaderText
{
    /// <summary>Lower-cases a message and turns punctuation (other than @ . ') into spaces, so patterns stay simple.</summary>
    /// <param name="text">The message.</param>
    /// <returns>The normalized message; empty for null.</returns>
    public static string Normalize(string? text) =>
        text is null ? string.Empty : Punctuation().Replace(text.Trim().ToLowerInvariant().Replace('\u2019', '\''), " ").Trim();

    [GeneratedRegex(@"[^\p{L}\p{N}@.' ]+")]
    private static partial Regex Punctuation();
}
