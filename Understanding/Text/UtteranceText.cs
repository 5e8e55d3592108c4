using System.Text;

namespace AuthorBot.Understanding.Text;

/// <summary>
/// How every message (and every training example) is cut into words before anything reads it: lower case, curly
/// apostrophes made straight, everything but letters, digits and apostrophes a space.
/// </summary>
public static class UtteranceText
{
    /// <summary>The lower-case words of a message.</summary>
    /// <param name="text">The message; null gives no words.</param>
    /// <returns>The words in order.</returns>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var raw in text)
        {
            var c = raw is '\u2019' or '\u2018' or '`' ? '\'' : char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c) || (c == '\'' && word.Length > 0))
            {
                word.Append(c);
                continue;
            }

            Flush(word, words);
        }

        Flush(word, words);
        return words;
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        // A quote that ended a word ("readers'") is not part of it.
        var length = word.Length;
        while (length > 0 && word[length - 1] == '\'')
        {
            length--;
        }

        if (length > 0)
        {
            words.Add(word.ToString(0, length));
        }

        word.Clear();
    }
}
