using System.Globalization;
using System.Text;

namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>Splits text into words (letters and digits, with inner apostrophes) and lower-cases them.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string? text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var word = new StringBuilder();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var inWord = char.IsLetterOrDigit(c)
                || (c is '\'' or '\u2019' && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]));
            if (inWord)
            {
                if (start < 0)
                {
                    start = i;
                }

                // Apostrophes are dropped so "don't" and "dont" are one word.
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                }
            }
            else if (start >= 0)
            {
                tokens.Add(new Token(start, i - 1, text[start..i], word.ToString()));
                word.Clear();
                start = -1;
            }
        }

        return tokens;
    }
}
