using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace AuthorBot.Understanding.Writing;

/// <summary>
/// Flesch reading ease, Flesch–Kincaid grade, Gunning fog, SMOG and Coleman–Liau computed with the counting
/// conventions of the npm package text-readability 1.1.1, so a writer who checks a passage there sees the same figures:
/// words are what is left between spaces, commas and line breaks once punctuation is removed; sentences end at . ? !
/// before a capital and need three words to count; averages are rounded (words per sentence and syllables per word
/// to 0.1) before the formulas use them; Gunning fog counts distinct hard words (three syllables or more and not on the
/// Dale–Chall list of easy words). One calculator serves one analysis at a time (its syllable counters cache); the whole-text syllable count runs
/// beside the per-word passes.
/// </summary>
internal sealed partial class ReadabilityCalculator
{
    private const string EasyWordsResource = "AuthorBot.Understanding.dale-chall-easy-words.txt";

    private readonly SyllableCounter _syllables = new();
    private readonly FrozenSet<string> _easyWords;

    public ReadabilityCalculator(FrozenSet<string> easyWords) => _easyWords = easyWords;

    /// <summary>The Dale–Chall easy words shipped in this assembly.</summary>
    public static FrozenSet<string> LoadEasyWords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EasyWordsResource)
            ?? throw new InvalidOperationException($"The easy-word list '{EasyWordsResource}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    public ReadabilityScores Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stripped = RemovePunctuation(text);
        var words = CountWords(stripped);
        var sentences = CountSentences(text);
        var perWord = Task.Run(() => (Poly: CountPolysyllables(text), Hard: new ReadabilityCalculator(_easyWords).CountHardWords(text)));
        var syllables = new SyllableCounter().CountText(stripped);
        var (polysyllables, hardWords) = perWord.GetAwaiter().GetResult();
        var letters = CountLetters(text);

        var wordsPerSentence = OrZero(LegacyRound((double)words / sentences, 1));
        var syllablesPerWord = OrZero(LegacyRound((double)syllables / words, 1));
        var readingEase = LegacyRound(206.835 - (1.015 * wordsPerSentence) - (84.6 * syllablesPerWord), 2);
        var grade = LegacyRound((0.39 * wordsPerSentence) + (11.8 * syllablesPerWord) - 15.59, 1);

        var smog = 0.0;
        if (sentences >= 3)
        {
            smog = OrZero(LegacyRound((1.043 * Math.Sqrt(30.0 * polysyllables / sentences)) + 3.1291, 1));
        }

        var lettersPer100 = LegacyRound(OrZero(LegacyRound((double)letters / words, 2)) * 100, 2);
        var sentencesPer100 = LegacyRound(OrZero(LegacyRound((double)sentences / words, 2)) * 100, 2);
        var colemanLiau = LegacyRound((0.058 * lettersPer100) - (0.296 * sentencesPer100) - 15.8, 2);

        var hardShare = (double)hardWords / words * 100;
        var fog = double.IsNaN(hardShare) ? 0 : LegacyRound(0.4 * (wordsPerSentence + hardShare), 2);
        return new ReadabilityScores(OrZero(readingEase), OrZero(grade), fog, smog, OrZero(colemanLiau));
    }

    /// <summary>Rounds half away from zero the way the package does (floor(x·10ᵖ + copysign(0.5, x)) / 10ᵖ).</summary>
    internal static double LegacyRound(double value, int places)
    {
        var scale = Math.Pow(10, places);
        return Math.Floor((value * scale) + (value == 0 ? 0 : Math.CopySign(0.5, value))) / scale;
    }

    internal static bool IsPunctuation(char c) =>
        c is (>= '\u2000' and <= '\u206F') or (>= '\u2E00' and <= '\u2E7F')
            or '\\' or '\'' or '!' or '"' or '#' or '$' or '%' or '&' or '(' or ')' or '*' or '+' or ',' or '-' or '.' or '/'
            or ':' or ';' or '<' or '=' or '>' or '?' or '@' or '[' or ']' or '^' or '_' or '`' or '{' or '|' or '}' or '~';

    internal static string RemovePunctuation(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsPunctuation(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Tokens between spaces, commas and line breaks of text whose punctuation is already removed.</summary>
    internal static int CountWords(ReadOnlySpan<char> stripped)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in stripped)
        {
            var separator = c is ' ' or ',' or '\n' or '\r';
            if (!separator && !inWord)
            {
                count++;
            }

            inWord = !separator;
        }

        return count;
    }

    internal static int CountSentences(string text)
    {
        var counted = 0;
        var start = 0;
        foreach (var end in SentenceEnd().EnumerateMatches(text))
        {
            counted += CountsAsSentence(text.AsSpan(start, end.Index - start)) ? 1 : 0;
            start = end.Index + end.Length;
        }

        counted += CountsAsSentence(text.AsSpan(start)) ? 1 : 0;
        return counted > 1 ? counted : 1;
    }

    private static bool CountsAsSentence(ReadOnlySpan<char> piece)
    {
        // More than two words once punctuation is gone; stop counting at three.
        var count = 0;
        var inWord = false;
        foreach (var c in piece)
        {
            if (IsPunctuation(c))
            {
                continue;
            }

            var separator = c is ' ' or '\n' or '\r';
            if (!separator && !inWord && ++count > 2)
            {
                return true;
            }

            inWord = !separator;
        }

        return false;
    }

    private static int CountLetters(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c != ' ' && !IsPunctuation(c))
            {
                count++;
            }
        }

        return count;
    }

    private int CountPolysyllables(string text)
    {
        // A manuscript repeats its words: each distinct token is weighed once.
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        var count = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var separator = i == text.Length || text[i] is ' ' or ',' or '\n' or '\r';
            if (!separator)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                var token = text.AsSpan(start, i - start);
                if (!lookup.TryGetValue(token, out var poly))
                {
                    var owned = token.ToString();
                    poly = _syllables.CountText(RemovePunctuation(owned)) >= 3;
                    known[owned] = poly;
                }

                count += poly ? 1 : 0;
            }

            start = -1;
        }

        return count;
    }

    private int CountHardWords(string text)
    {
        var hard = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in HardWordCandidate().EnumerateMatches(text))
        {
            var word = text.Substring(match.Index, match.Length);
            if (!seen.Add(word))
            {
                continue;
            }

            var normalized = PresentTense(Singular.Of(word.ToLowerInvariant()));
            if (!_easyWords.Contains(normalized) && _syllables.CountText(RemovePunctuation(word)) >= 3)
            {
                hard.Add(word);
            }
        }

        return hard.Count;
    }

    private string PresentTense(string word)
    {
        if (word.Length < 6)
        {
            return word;
        }

        if (word.EndsWith("ed", StringComparison.Ordinal))
        {
            return _easyWords.Contains(word[..^1]) ? word[..^1] : word[..^2];
        }

        if (word.EndsWith("ing", StringComparison.Ordinal))
        {
            var withE = word[..^3] + "e";
            return _easyWords.Contains(withE) ? withE : word[..^3];
        }

        return word;
    }

    private static double OrZero(double value) => double.IsNaN(value) || double.IsInfinity(value) ? 0 : value;

    [GeneratedRegex(" *[.?!]['\")\\]]*[ |\\n](?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("[A-Za-z0-9_=\u2018\u2019]+", RegexOptions.CultureInvariant)]
    private static partial Regex HardWordCandidate();
}
