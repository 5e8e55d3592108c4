using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Understanding.Sentiment;

namespace AuthorBot.Understanding.Writing;

/// <summary>
/// Reads a manuscript the way an editor's first pass would: readability grades (<see cref="ReadabilityCalculator"/>),
/// how sentence lengths spread, passive voice, "-ly" adverbs, filler and hedge words, a word repeated within a few
/// words, how much is dialogue, and each paragraph's tone (VADER); then ranks what it found and keeps the five
/// suggestions that matter most, each quoting its sentence. Plain text in, plain data out: it knows nothing of chat.
/// Thread-safe; each call works on state of its own.
/// </summary>
public sealed partial class WritingAnalyzer
{
    /// <summary>Words of the same kind within this many words of each other read as repetition.</summary>
    private const int RepetitionWindow = 12;

    private const int LongSentenceWords = 30;
    private const int ProgressSteps = 20;

    private static readonly FrozenSet<string> _notAdverbs = FrozenSet.ToFrozenSet(
        ["only", "family", "early", "likely", "reply", "supply", "apply", "holy", "ugly", "lovely", "friendly", "lonely", "silly",
         "belly", "jolly", "daily", "july", "italy", "rely", "ally", "bully", "curly", "elderly", "hilly", "jelly", "lily", "oily",
         "assembly", "anomaly", "monopoly", "melancholy", "costly", "deadly", "ghastly", "homely", "lively", "lowly", "manly",
         "orderly", "surly", "unruly", "wily", "woolly", "burly", "comely", "courtly", "cowardly", "kindly", "leisurely",
         "scholarly", "sickly", "stately", "timely", "ugly", "weekly", "monthly", "yearly", "nightly", "hourly", "fly", "sly",
         "butterfly", "dragonfly", "firefly", "gadfly", "emily", "molly", "sally", "polly", "holly", "dolly", "billy", "lily",
         "rally", "tally", "gully", "folly", "bodily", "ugly", "heavenly", "earthly", "worldly", "godly", "beastly", "brotherly",
         "motherly", "fatherly", "sisterly", "neighbourly", "neighborly", "ungodly", "unlikely", "unseemly", "seemly", "portly"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> _fillers = FrozenSet.ToFrozenSet(
        ["just", "really", "very", "actually", "basically", "literally", "totally", "simply", "quite", "rather", "somehow",
         "definitely", "certainly", "completely", "absolutely", "suddenly", "truly", "utterly"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> _hedges = FrozenSet.ToFrozenSet(
        ["perhaps", "maybe", "seem", "seems", "seemed", "appear", "appears", "appeared", "possibly", "probably", "apparently",
         "somewhat", "almost", "might", "presumably", "arguably", "supposedly"],
        StringComparer.Ordinal);

    /// <summary>Short and common words whose repetition is the grammar's, not the writer's.</summary>
    private static readonly FrozenSet<string> _unremarkable = FrozenSet.ToFrozenSet(
        ["that", "this", "with", "from", "have", "were", "they", "them", "their", "there", "then", "than", "what", "when",
         "which", "would", "could", "should", "been", "will", "your", "into", "some", "said", "upon", "more", "very", "such",
         "only", "also", "each", "other", "those", "these", "where", "while", "about", "after", "before", "being", "over",
         "like", "just", "him", "her", "his", "hers", "she", "himself", "herself", "myself", "itself", "yourself", "here"],
        StringComparer.Ordinal);

    private readonly VaderSentiment _tone;
    private readonly FrozenSet<string> _easyWords;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="tone">Scores each paragraph's tone.</param>
    public WritingAnalyzer(VaderSentiment tone)
    {
        _tone = tone ?? throw new ArgumentNullException(nameof(tone));
        _easyWords = ReadabilityCalculator.LoadEasyWords();
    }

    /// <summary>Analyses <paramref name="text"/>.</summary>
    /// <param name="text">The manuscript as plain text; paragraphs separated by blank lines or line breaks.</param>
    /// <param name="progress">Told the share done, 0 to 100, about twenty times over a long text; may be null.</param>
    /// <param name="cancellationToken">Stops the analysis between paragraphs.</param>
    /// <returns>The report.</returns>
    public WritingReport Analyze(string text, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The grades need the whole text at once; they run beside the paragraph pass, each with its own counters.
        var readability = Task.Run(() => new ReadabilityCalculator(_easyWords).Score(text), cancellationToken);
        var paragraphs = ProseSplitter.Paragraphs(text);
        var lengths = new List<int>();
        var passives = new List<WritingFinding>();
        var repetitions = new List<WritingFinding>();
        var adverbs = new Dictionary<string, int>(StringComparer.Ordinal);
        var fillers = new Dictionary<string, int>(StringComparer.Ordinal);
        var hedges = new Dictionary<string, int>(StringComparer.Ordinal);
        var tone = new List<double>(paragraphs.Count);
        var candidates = new List<(double Weight, WritingSuggestion Suggestion)>();
        long letters = 0, quotedLetters = 0;
        var words = 0;
        var reported = 0;

        for (var p = 0; p < paragraphs.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var paragraph = paragraphs[p];
            tone.Add(_tone.Score(paragraph));
            (var all, var quoted) = CountDialogue(paragraph);
            letters += all;
            quotedLetters += quoted;

            foreach (var sentence in ProseSplitter.Sentences(paragraph))
            {
                var sentenceWords = ReadSentence(sentence, adverbs, fillers, hedges, out var lyCount, out var softCount, out var repeated);
                if (sentenceWords == 0)
                {
                    continue;
                }

                words += sentenceWords;
                lengths.Add(sentenceWords);
                if (sentenceWords > LongSentenceWords)
                {
                    candidates.Add((sentenceWords / 10.0, new WritingSuggestion(
                        "long sentence",
                        string.Create(CultureInfo.InvariantCulture, $"At {sentenceWords} words this sentence asks a lot of the reader; try splitting it where the thought turns."),
                        sentence)));
                }

                if (PassiveVoice.Find(sentence) is { } phrase)
                {
                    passives.Add(new WritingFinding(sentence, phrase));
                    candidates.Add((2.5, new WritingSuggestion("passive voice", $"\"{phrase}\" hides who acts; say who does it, unless hiding them is the point.", sentence)));
                }

                if (lyCount >= 2)
                {
                    candidates.Add((1.5 + lyCount, new WritingSuggestion("adverbs", string.Create(CultureInfo.InvariantCulture, $"{lyCount} \"-ly\" adverbs in one sentence; a stronger verb can carry the meaning."), sentence)));
                }

                if (softCount >= 2)
                {
                    candidates.Add((1 + softCount, new WritingSuggestion("filler and hedges", string.Create(CultureInfo.InvariantCulture, $"{softCount} filler or hedge words here; cutting them makes the sentence surer."), sentence)));
                }

                if (repeated is not null)
                {
                    repetitions.Add(new WritingFinding(sentence, repeated));
                    candidates.Add((2, new WritingSuggestion("repetition", $"\"{repeated}\" comes twice in a few words; vary or cut one.", sentence)));
                }
            }

            var step = (p + 1) * ProgressSteps / paragraphs.Count;
            if (step > reported)
            {
                reported = step;
                progress?.Report(Math.Min(99, step * 100 / ProgressSteps));
            }
        }

        var scores = readability.GetAwaiter().GetResult();
        progress?.Report(100);
        return new WritingReport(
            words,
            lengths.Count,
            paragraphs.Count,
            scores,
            Spread(lengths),
            passives,
            Tallies(adverbs),
            Tallies(fillers),
            Tallies(hedges),
            repetitions,
            letters == 0 ? 0 : (double)quotedLetters / letters,
            tone,
            TopSuggestions(candidates));
    }

    private static int ReadSentence(
        string sentence,
        Dictionary<string, int> adverbs,
        Dictionary<string, int> fillers,
        Dictionary<string, int> hedges,
        out int lyCount,
        out int softCount,
        out string? repeated)
    {
        lyCount = 0;
        softCount = 0;
        repeated = null;
        var count = 0;
        var recentWords = new string?[RepetitionWindow];
        foreach (var match in Word().EnumerateMatches(sentence))
        {
            var word = sentence.Substring(match.Index, match.Length).ToLowerInvariant();
            count++;
            // A filler ("really") counts once, as a filler.
            if (word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal) && !_notAdverbs.Contains(word) && !_fillers.Contains(word))
            {
                lyCount++;
                adverbs[word] = adverbs.GetValueOrDefault(word) + 1;
            }

            if (_fillers.Contains(word))
            {
                softCount++;
                fillers[word] = fillers.GetValueOrDefault(word) + 1;
            }
            else if (_hedges.Contains(word))
            {
                softCount++;
                hedges[word] = hedges.GetValueOrDefault(word) + 1;
            }

            if (word.Length >= 4 && !_unremarkable.Contains(word))
            {
                if (repeated is null && Array.IndexOf(recentWords, word) >= 0)
                {
                    repeated = word;
                }

                recentWords[count % RepetitionWindow] = word;
            }
            else
            {
                recentWords[count % RepetitionWindow] = null;
            }
        }

        return count;
    }

    private static (int All, int Quoted) CountDialogue(string paragraph)
    {
        var all = 0;
        var quoted = 0;
        var inCurly = false;
        var inStraight = false;
        foreach (var c in paragraph)
        {
            switch (c)
            {
                case '\u201C':
                    inCurly = true;
                    continue;
                case '\u201D':
                    inCurly = false;
                    continue;
                case '"':
                    inStraight = !inStraight;
                    continue;
            }

            if (char.IsLetter(c))
            {
                all++;
                quoted += inCurly || inStraight ? 1 : 0;
            }
        }

        return (all, quoted);
    }

    private static SentenceLengthSpread Spread(List<int> lengths)
    {
        if (lengths.Count == 0)
        {
            return new SentenceLengthSpread(0, 0, 0, 0, 0, 0);
        }

        var mean = lengths.Average();
        var deviation = Math.Sqrt(lengths.Sum(l => (l - mean) * (l - mean)) / lengths.Count);
        var sorted = lengths.Order().ToArray();
        return new SentenceLengthSpread(mean, deviation, sorted[0], sorted[sorted.Length / 2], sorted[^1], lengths.Count(l => l > LongSentenceWords));
    }

    private static List<WordTally> Tallies(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new WordTally(c.Key, c.Value))];

    private static List<WritingSuggestion> TopSuggestions(List<(double Weight, WritingSuggestion Suggestion)> candidates)
    {
        // The five heaviest, one per sentence, and no more than two of a kind so one habit does not hide the rest.
        var chosen = new List<WritingSuggestion>(5);
        var sentences = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, suggestion) in candidates.OrderByDescending(c => c.Weight))
        {
            if (chosen.Count == 5)
            {
                break;
            }

            if (kinds.GetValueOrDefault(suggestion.Kind) >= 2 || !sentences.Add(suggestion.Sentence))
            {
                continue;
            }

            kinds[suggestion.Kind] = kinds.GetValueOrDefault(suggestion.Kind) + 1;
            chosen.Add(suggestion);
        }

        return chosen;
    }

    [GeneratedRegex("[\\p{L}\\p{N}]+(?:['\u2019-][\\p{L}\\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
