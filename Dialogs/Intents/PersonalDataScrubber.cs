using System.Text.RegularExpressions;

namespace AuthorBot.Dialogs.Intents;

/// <summary>Blanks what identifies a person in a message kept without their consent: email addresses, links, phone-like numbers.</summary>
public static partial class PersonalDataScrubber
{
    /// <summary>The message with those parts replaced by [email], [link] and [number].</summary>
    /// <param name="text">The message.</param>
    /// <returns>The scrubbed message; empty for null.</returns>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var scrubbed = Email().Replace(text, "[email]");
        scrubbed = Link().Replace(scrubbed, "[link]");
        return Number().Replace(scrubbed, "[number]");
    }

    [GeneratedRegex(@"[^\s@<>(),;:""]+@[^\s@<>(),;:""]+\.[^\s@<>(),;:""]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"\+?\d[\d\s().-]{5,}\d")]
    private static partial Regex Number();
}
