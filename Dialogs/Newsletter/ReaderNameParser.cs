using System.Globalization;
using System.Text.RegularExpressions;

namespace AuthorBot.Dialogs.Newsletter;

/// <summary>Takes the name out of answers like "I'm Jo", "my name is Jo Smith" or "call me jo".</summary>
public static partial class ReaderNameParser
{
    /// <summary>The longest name accepted; longer answers are probably not a name.</summary>
    public const int MaxLength = 60;

    /// <summary>Tries to read a name.</summary>
    /// <param name="text">The reader's answer.</param>
    /// <param name="name">The name, with its first letter capitalized when the reader typed it all lower-case.</param>
    /// <returns>True when the answer looks like a name.</returns>
    public static bool TryParse(string? text, out string name)
    {
        name = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var stripped = Preamble().Replace(text.Trim(), string.Empty).Trim().TrimEnd('.', '!', ',');
        if (stripped.Length is 0 or > MaxLength || stripped.Contains('@', StringComparison.Ordinal) || !stripped.Any(char.IsLetter))
        {
            return false;
        }

        name = stripped.Any(char.IsUpper)
            ? stripped
            : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(stripped);
        return true;
    }

    [GeneratedRegex(@"^(hi[,!]?\s+)?(my name is|my name's|i am|i'm|im|it's|it is|call me|this is|name:)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Preamble();
}
