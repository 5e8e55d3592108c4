using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace AuthorBot.Understanding.Sentiment;

/// <summary>
/// VADER's compound sentiment score of a message, from -1 (most negative) to +1 (most positive): a valence per word
/// from the lexicon, raised or lowered by booster words ("really", "kind of"), flipped by a negation in the three words
/// before it, emphasised by ALL CAPS among lower-case words and by exclamation marks, and weighted towards what follows
/// "but". A port of vaderSentiment-js (see Data/NOTICE); thread-safe and allocation-light, about a microsecond a message.
/// </summary>
public sealed class VaderSentiment
{
    private const double BoosterIncrement = 0.293;
    private const double BoosterDecrement = -0.293;
    private const double CapsIncrement = 0.733;
    private const double NegationScalar = -0.74;
    private const double Alpha = 15;
    private const string ResourceName = "AuthorBot.Understanding.vader_lexicon.txt";

    private static readonly FrozenSet<string> _negations = new[]
    {
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't",
        "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't",
        "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor",
        "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
        "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom",
        "despite",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> _boosters = Boosters().ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> _idioms = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["the shit"] = 3,
        ["the bomb"] = 3,
        ["bad ass"] = 1.5,
        ["yeah right"] = -2,
        ["cut the mustard"] = 2,
        ["kiss of death"] = -1.5,
        ["hand to mouth"] = -2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, double> _lexicon;

    private VaderSentiment(FrozenDictionary<string, double> lexicon) => _lexicon = lexicon;

    /// <summary>How many entries the lexicon has.</summary>
    public int LexiconSize => _lexicon.Count;

    /// <summary>Loads the lexicon shipped inside this assembly.</summary>
    /// <returns>The analyzer.</returns>
    public static VaderSentiment LoadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The VADER lexicon resource '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    /// <summary>Loads a lexicon in VADER's format: word, tab, mean valence, tab, anything.</summary>
    /// <param name="reader">The lexicon text.</param>
    /// <returns>The analyzer.</returns>
    public static VaderSentiment Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lexicon = new Dictionary<string, double>(8000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var first = line.IndexOf('\t', StringComparison.Ordinal);
            var second = first < 0 ? -1 : line.IndexOf('\t', first + 1);
            if (first <= 0 || second < 0
                || !double.TryParse(line.AsSpan(first + 1, second - first - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            {
                continue;
            }

            lexicon[line[..first]] = valence;
        }

        return new VaderSentiment(lexicon.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The compound score of a message.</summary>
    /// <param name="text">The message; null or blank scores 0.</param>
    /// <returns>A score from -1 to 1; about -0.5 and below reads as clearly negative.</returns>
    public double Score(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        var words = Words(text);
        if (words.Count == 0)
        {
            return 0;
        }

        var capsDifferential = CapsDifferential(words);
        var sentiments = new double[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var lower = words[i].ToLowerInvariant();
            if (_boosters.ContainsKey(lower)
                || (lower == "kind" && i < words.Count - 1 && words[i + 1].Equals("of", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            sentiments[i] = Valence(words, i, lower, capsDifferential);
        }

        ButCheck(words, sentiments);
        var sum = sentiments.Sum();
        var emphasis = PunctuationEmphasis(text);
        sum = sum > 0 ? sum + emphasis : sum < 0 ? sum - emphasis : sum;
        return Math.Clamp(sum / Math.Sqrt((sum * sum) + Alpha), -1, 1);
    }

    private double Valence(List<string> words, int index, string lower, bool capsDifferential)
    {
        if (!_lexicon.TryGetValue(lower, out var valence))
        {
            return 0;
        }

        if (capsDifferential && IsUpper(words[index]))
        {
            valence += valence > 0 ? CapsIncrement : -CapsIncrement;
        }

        for (var start = 0; start < 3; start++)
        {
            if (index <= start || _lexicon.ContainsKey(words[index - (start + 1)].ToLowerInvariant()))
            {
                continue;
            }

            // Modifiers further from the word count for less.
            var scalar = Scalar(words[index - (start + 1)], valence, capsDifferential);
            scalar *= start switch
            {
                1 => 0.95,
                2 => 0.9,
                _ => 1,
            };
            valence += scalar;
            valence = NeverCheck(valence, words, start, index);
            if (start == 2)
            {
                valence = IdiomsCheck(valence, words, index);
            }
        }

        return LeastCheck(valence, words, index);
    }

    private double LeastCheck(double valence, List<string> words, int index)
    {
        if (index > 1 && Lower(words, index - 1) == "least" && !_lexicon.ContainsKey("least"))
        {
            var before = Lower(words, index - 2);
            return before is not "at" and not "very" ? valence * NegationScalar : valence;
        }

        return index > 0 && Lower(words, index - 1) == "least" && !_lexicon.ContainsKey("least") ? valence * NegationScalar : valence;
    }

    private static double Scalar(string word, double valence, bool capsDifferential)
    {
        if (!_boosters.TryGetValue(word.ToLowerInvariant(), out var scalar))
        {
            return 0;
        }

        if (valence < 0)
        {
            scalar = -scalar;
        }

        if (capsDifferential && IsUpper(word))
        {
            scalar += valence > 0 ? CapsIncrement : -CapsIncrement;
        }

        return scalar;
    }

    private static double NeverCheck(double valence, List<string> words, int start, int index)
    {
        switch (start)
        {
            case 0:
                return IsNegation(words[index - 1]) ? valence * NegationScalar : valence;
            case 1:
                if (words[index - 2] == "never" && words[index - 1] is "so" or "this")
                {
                    return valence * 1.5;
                }

                return IsNegation(words[index - 2]) ? valence * NegationScalar : valence;
            default:
                if ((words[index - 3] == "never" && words[index - 2] is "so" or "this") || words[index - 1] is "so" or "this")
                {
                    return valence * 1.25;
                }

                return IsNegation(words[index - 3]) ? valence * NegationScalar : valence;
        }
    }

    private static double IdiomsCheck(double valence, List<string> words, int index)
    {
        string[] sequences =
        [
            $"{words[index - 1]} {words[index]}",
            $"{words[index - 2]} {words[index - 1]} {words[index]}",
            $"{words[index - 2]} {words[index - 1]}",
            $"{words[index - 3]} {words[index - 2]} {words[index - 1]}",
            $"{words[index - 3]} {words[index - 2]}",
        ];
        foreach (var sequence in sequences)
        {
            if (_idioms.TryGetValue(sequence, out var idiom))
            {
                valence = idiom;
                break;
            }
        }

        if (words.Count - 1 > index && _idioms.TryGetValue($"{words[index]} {words[index + 1]}", out var after))
        {
            valence = after;
        }

        if (words.Count - 1 > index + 1 && _idioms.TryGetValue($"{words[index]} {words[index + 1]} {words[index + 2]}", out var afterTwo))
        {
            valence = afterTwo;
        }

        // Dampening bigrams such as "sort of" or "kind of" just before the word.
        if (_boosters.ContainsKey(sequences[4]) || _boosters.ContainsKey(sequences[2]))
        {
            valence += BoosterDecrement;
        }

        return valence;
    }

    private static void ButCheck(List<string> words, double[] sentiments)
    {
        var but = words.IndexOf("but");
        if (but < 0)
        {
            but = words.IndexOf("BUT");
        }

        if (but < 0)
        {
            return;
        }

        // What follows "but" is what the writer means.
        for (var i = 0; i < sentiments.Length; i++)
        {
            sentiments[i] *= i < but ? 0.5 : i > but ? 1.5 : 1;
        }
    }

    private static double PunctuationEmphasis(string text)
    {
        var exclamations = Math.Min(4, text.Count(c => c == '!'));
        var questions = text.Count(c => c == '?');
        var questionEmphasis = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
        return (exclamations * 0.292) + questionEmphasis;
    }

    private static bool IsNegation(string word)
    {
        var lower = word.ToLowerInvariant();
        return _negations.Contains(lower) || lower.Contains("n't", StringComparison.Ordinal);
    }

    private static bool CapsDifferential(List<string> words)
    {
        var caps = words.Count(IsUpper);
        var others = words.Count - caps;
        return others > 0 && others < words.Count;
    }

    /// <summary>Python's isupper: at least one upper-case letter and no lower-case one.</summary>
    private static bool IsUpper(string word) => word.Any(char.IsUpper) && !word.Any(char.IsLower);

    private static string Lower(List<string> words, int index) => words[index].ToLowerInvariant();

    /// <summary>Whitespace-separated tokens longer than one character, with punctuation trimmed from their ends (emoticons kept).</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length <= 1)
            {
                continue;
            }

            var trimmed = token.Trim(_punctuation);
            words.Add(trimmed.Length > 1 ? trimmed : token);
        }

        return words;
    }

    private static readonly char[] _punctuation = ['.', '!', '?', ',', ';', ':', '-', '\'', '"', '(', ')'];

    private static IEnumerable<KeyValuePair<string, double>> Boosters()
    {
        string[] up =
        [
            "absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply", "effing", "enormously",
            "entirely", "especially", "exceptionally", "extremely", "fabulously", "flipping", "flippin", "fricking", "frickin",
            "frigging", "friggin", "fully", "fucking", "greatly", "hella", "highly", "hugely", "incredibly", "intensely",
            "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "totally", "tremendously", "uber", "unbelievably", "unusually", "utterly", "very",
        ];
        string[] down =
        [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little", "marginally",
            "occasionally", "partly", "scarcely", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
        ];
        return up.Select(w => KeyValuePair.Create(w, BoosterIncrement)).Concat(down.Select(w => KeyValuePair.Create(w, BoosterDecrement)));
    }
}
