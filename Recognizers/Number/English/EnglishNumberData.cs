using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.Number.English;

/// <summary>
/// English number vocabulary and patterns. Word lists follow the English number definitions of
/// microsoft/Recognizers-Text (MIT, see NOTICE); the tables are rewritten here, not copied.
/// </summary>
internal static partial class EnglishNumberData
{
    /// <summary>Number words (cardinal, ordinal and their plurals), lower case.</summary>
    public static readonly FrozenDictionary<string, NumberWord> Words = BuildWords();

    /// <summary>Span lookup into <see cref="Words"/>, so tokens are looked up without allocating.</summary>
    public static readonly FrozenDictionary<string, NumberWord>.AlternateLookup<ReadOnlySpan<char>> WordLookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Multipliers written right after digits: "10k", "2.33 k", "1mm", "2mil", "10 bln".</summary>
    public static readonly FrozenDictionary<string, double> DigitSuffixes = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["k"] = 1e3,
        ["m"] = 1e6,
        ["mm"] = 1e6,
        ["mil"] = 1e6,
        ["g"] = 1e9,
        ["b"] = 1e9,
        ["bn"] = 1e9,
        ["bln"] = 1e9,
        ["t"] = 1e12,
        ["tn"] = 1e12,
        ["tln"] = 1e12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Span lookup into <see cref="DigitSuffixes"/>.</summary>
    public static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> DigitSuffixLookup =
        DigitSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words after which a lone "one" is a pronoun ("the one you mentioned"), not a number.</summary>
    public static readonly FrozenSet<string> PronounOneDeterminers =
        new[] { "the", "this", "that", "which", "each", "every", "another", "any", "no" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Span lookup into <see cref="PronounOneDeterminers"/>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounOneLookup =
        PronounOneDeterminers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Currency symbols: "$2000 over 3 years" is an amount and a duration, not a fraction.</summary>
    public const string CurrencySymbols = "$€£¥₹";

    public const string And = "and";
    public const string Point = "point";
    public const string Minus = "minus";
    public const string Negative = "negative";
    public const string Over = "over";
    public const string Out = "out";
    public const string Of = "of";
    public const string In = "in";
    public const string Half = "half";

    /// <summary>Unicode vulgar fractions ("⅔", "½") and their values.</summary>
    public static readonly FrozenDictionary<char, double> VulgarFractions = new Dictionary<char, double>
    {
        ['½'] = 1.0 / 2,
        ['⅓'] = 1.0 / 3,
        ['⅔'] = 2.0 / 3,
        ['¼'] = 1.0 / 4,
        ['¾'] = 3.0 / 4,
        ['⅕'] = 1.0 / 5,
        ['⅖'] = 2.0 / 5,
        ['⅗'] = 3.0 / 5,
        ['⅘'] = 4.0 / 5,
        ['⅙'] = 1.0 / 6,
        ['⅚'] = 5.0 / 6,
        ['⅐'] = 1.0 / 7,
        ['⅛'] = 1.0 / 8,
        ['⅜'] = 3.0 / 8,
        ['⅝'] = 5.0 / 8,
        ['⅞'] = 7.0 / 8,
        ['⅑'] = 1.0 / 9,
        ['⅒'] = 1.0 / 10,
    }.ToFrozenDictionary();

    /// <summary>Ordinal suffixes after digits: "1st", "22nd", "3rd", "11th".</summary>
    public static bool IsOrdinalSuffix(ReadOnlySpan<char> s) => s is "st" or "nd" or "rd" or "th";

    /// <summary>"a" or "an", which read as one before "hundred", "dozen", "half", "fifth".</summary>
    public static bool IsArticle(ReadOnlySpan<char> s) => s is "a" or "an";

    /// <summary>Matches a digit literal at the current position (see <see cref="NumberTokenizer"/>).</summary>
    [GeneratedRegex(
        @"\G(?:" +
        @"(?<chain>\d+(?:\.\d+){2,})" +
        @"|(?<power>\d+(?:\.\d+)?(?:e[+-]?\d+|(?:x10)?\^[+-]*\d+))(?![\p{L}\p{N}])" +
        @"|(?<grouped>\d{1,3}(?:,\d{3})+(?:\.\d+)?)(?!\d|,\d)" +
        @"|(?<indian>\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?)(?!\d|,\d)" +
        @"|(?<spaced>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?)(?![\d/]|[ \u00a0\u202f]\d+/)" +
        @"|(?<comma>\d+,\d{1,2})(?!\d|,\d)" +
        @"|(?<plain>\d+(?:\.\d+)?)(?!\.\d))",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex DigitLiteral();

    private static FrozenDictionary<string, NumberWord> BuildWords()
    {
        var words = new Dictionary<string, NumberWord>(StringComparer.Ordinal);

        void Cardinal(string word, NumberWordKind kind, double value) => words[word] = new NumberWord(kind, value, false, false);
        void Ordinal(string word, NumberWordKind kind, double value)
        {
            words[word] = new NumberWord(kind, value, true, false);
            words[word + "s"] = new NumberWord(kind, value, true, true);
        }

        Cardinal("zero", NumberWordKind.Zero, 0);
        Cardinal("nought", NumberWordKind.Zero, 0);
        Cardinal("naught", NumberWordKind.Zero, 0);
        string[] units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        string[] unitOrdinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
        for (var i = 0; i < units.Length; i++)
        {
            Cardinal(units[i], NumberWordKind.Unit, i + 1);
            Ordinal(unitOrdinals[i], NumberWordKind.Unit, i + 1);
        }

        Ordinal("nineth", NumberWordKind.Unit, 9);
        string[] teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] teenOrdinals = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
        for (var i = 0; i < teens.Length; i++)
        {
            Cardinal(teens[i], NumberWordKind.Teen, i + 10);
            Ordinal(teenOrdinals[i], NumberWordKind.Teen, i + 10);
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        string[] tensOrdinals = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
        for (var i = 0; i < tens.Length; i++)
        {
            Cardinal(tens[i], NumberWordKind.Tens, (i + 2) * 10);
            Ordinal(tensOrdinals[i], NumberWordKind.Tens, (i + 2) * 10);
        }

        Cardinal("hundred", NumberWordKind.Hundred, 100);
        Cardinal("hundreds", NumberWordKind.Hundred, 100);
        Ordinal("hundredth", NumberWordKind.Hundred, 100);
        (string Word, string Ordinal, double Value)[] scales =
        [
            ("thousand", "thousandth", 1e3), ("million", "millionth", 1e6), ("billion", "billionth", 1e9),
            ("trillion", "trillionth", 1e12), ("lakh", "lakhth", 1e5), ("crore", "croreth", 1e7),
        ];
        foreach (var (word, ordinal, value) in scales)
        {
            Cardinal(word, NumberWordKind.Scale, value);
            Cardinal(word + "s", NumberWordKind.Scale, value);
            Ordinal(ordinal, NumberWordKind.Scale, value);
        }

        foreach (var dozen in new[] { "dozen", "dozens", "dz", "dzs", "doz", "dozs" })
        {
            Cardinal(dozen, NumberWordKind.Dozen, 12);
        }

        words["half"] = new NumberWord(NumberWordKind.FractionOnly, 2, true, false);
        words["halves"] = new NumberWord(NumberWordKind.FractionOnly, 2, true, true);
        words["quarter"] = new NumberWord(NumberWordKind.FractionOnly, 4, true, false);
        words["quarters"] = new NumberWord(NumberWordKind.FractionOnly, 4, true, true);
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
