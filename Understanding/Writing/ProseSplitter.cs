namespace AuthorBot.Understanding.Writing;

/// <summary>
/// Splits prose into paragraphs and sentences. Paragraphs are separated by blank lines; text without blank lines but
/// with line breaks (a .docx, a pasted chat message) has one paragraph a line. A sentence ends at . ! ? or … (with any
/// closing quotes or brackets) before a space and a capital, digit or opening quote, except after a title such as "Mr.".
/// </summary>
internal static class ProseSplitter
{
    private static readonly HashSet<string> _titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "mt", "jr", "sr", "vs", "etc", "prof", "rev", "col", "gen", "capt", "lt", "sgt", "no",
    };

    public static List<string> Paragraphs(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var blocks = normalized.Contains("\n\n", StringComparison.Ordinal) || normalized.Contains("\n \n", StringComparison.Ordinal)
            ? SplitOnBlankLines(normalized)
            : normalized.Split('\n');
        var paragraphs = new List<string>();
        foreach (var block in blocks)
        {
            var joined = string.Join(' ', block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (joined.Length > 0)
            {
                paragraphs.Add(joined);
            }
        }

        return paragraphs;
    }

    public static List<string> Sentences(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is not ('.' or '!' or '?' or '\u2026'))
            {
                continue;
            }

            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '.' or '!' or '?' or '\u2026' or '"' or '\'' or '\u201D' or '\u2019' or ')' or ']')
            {
                end++;
            }

            if (end < paragraph.Length && (!char.IsWhiteSpace(paragraph[end]) || !StartsSentence(paragraph, end)))
            {
                i = end - 1;
                continue;
            }

            if (paragraph[i] == '.' && IsTitle(paragraph, start, i))
            {
                continue;
            }

            Add(sentences, paragraph[start..end]);
            start = end;
            i = end - 1;
        }

        Add(sentences, paragraph[start..]);
        return sentences;
    }

    private static IEnumerable<string> SplitOnBlankLines(string text)
    {
        var lines = text.Split('\n');
        var block = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (block.Count > 0)
                {
                    yield return string.Join('\n', block);
                    block.Clear();
                }

                continue;
            }

            block.Add(line);
        }

        if (block.Count > 0)
        {
            yield return string.Join('\n', block);
        }
    }

    private static bool StartsSentence(string paragraph, int whitespace)
    {
        var next = whitespace;
        while (next < paragraph.Length && char.IsWhiteSpace(paragraph[next]))
        {
            next++;
        }

        return next >= paragraph.Length || char.IsUpper(paragraph[next]) || char.IsDigit(paragraph[next])
            || paragraph[next] is '"' or '\'' or '\u201C' or '\u2018' or '(' or '[';
    }

    private static bool IsTitle(string paragraph, int sentenceStart, int period)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && char.IsLetter(paragraph[wordStart - 1]))
        {
            wordStart--;
        }

        var word = paragraph.AsSpan(wordStart, period - wordStart);
        return word.Length == 1 && char.IsUpper(word[0]) || _titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }
}
