using System.Collections.Frozen;

namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>
/// Finds which of a list of choices the user picked: by value or synonym, by position ("2", "the second one",
/// "last"), by some of its words, or by a close misspelling ("newsleter"). Tried in that order; the first kind
/// that finds anything wins, so a choice literally named "2" beats the second choice.
/// </summary>
public static class ChoiceRecognizers
{
    // Words too common to identify a choice on their own.
    private static readonly FrozenSet<string> _stopWords = new[]
    {
        "the", "a", "an", "of", "to", "and", "or", "for", "in", "on", "my", "me", "i", "please", "with", "it", "is", "be", "me",
    }.Distinct().ToFrozenSet();

    private const int MaxGapBetweenWords = 2;
    private const int ShortestFuzzyWord = 4;
    private const int MaxTokens = 64;

    /// <summary>Recognizes choices in an utterance, best first.</summary>
    /// <param name="utterance">What the user said.</param>
    /// <param name="choices">The choices offered.</param>
    /// <param name="options">Which kinds of match to allow.</param>
    /// <returns>The matches, best first; empty when nothing matched.</returns>
    public static IList<ModelResult<FoundChoice>> RecognizeChoices(string? utterance, IList<Choice> choices, FindChoicesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        options ??= new FindChoicesOptions();
        var tokens = Tokenizer.Tokenize(utterance);
        if (tokens.Count > MaxTokens)
        {
            // An answer to a choice is short; a pasted essay is searched only at its start so matching stays cheap.
            tokens.RemoveRange(MaxTokens, tokens.Count - MaxTokens);
        }

        if (tokens.Count == 0 || choices.Count == 0)
        {
            return [];
        }

        var phrases = Phrases(choices, options);
        var full = FindPhrases(tokens, phrases, requireAll: true);
        if (full.Count > 0)
        {
            return full;
        }

        if (OrdinalWords.ReadPosition(tokens, choices.Count, options.RecognizeOrdinals, options.RecognizeNumbers, out var kind) is { } position
            && position >= 1 && position <= choices.Count)
        {
            return [Result(tokens[0].Start, tokens[^1].End, kind, utterance!, choices[position - 1].Value, position - 1, 1.0, synonym: null)];
        }

        if (options.AllowPartialMatches)
        {
            var partial = FindPhrases(tokens, phrases, requireAll: false);
            if (partial.Count > 0)
            {
                return partial;
            }
        }

        return options.MaxEditDistanceRatio > 0 ? FindMisspelled(tokens, phrases, options.MaxEditDistanceRatio, utterance!) : [];
    }

    private static List<Phrase> Phrases(IList<Choice> choices, FindChoicesOptions options)
    {
        var phrases = new List<Phrase>();
        for (var index = 0; index < choices.Count; index++)
        {
            var choice = choices[index];
            var texts = new List<string>();
            if (!options.NoValue)
            {
                texts.Add(choice.Value);
            }

            if (!options.NoAction && choice.Action?.Title is { Length: > 0 } title)
            {
                texts.Add(title);
            }

            texts.AddRange(choice.Synonyms ?? []);
            foreach (var text in texts.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var words = Tokenizer.Tokenize(text).Select(t => t.Normalized).ToArray();
                if (words.Length > 0)
                {
                    phrases.Add(new Phrase(index, choice.Value, text, words));
                }
            }
        }

        return phrases;
    }

    private static List<ModelResult<FoundChoice>> FindPhrases(List<Token> tokens, List<Phrase> phrases, bool requireAll)
    {
        var best = new Dictionary<int, ModelResult<FoundChoice>>();
        foreach (var phrase in phrases)
        {
            var match = MatchInOrder(tokens, phrase.Words, requireAll);
            if (match is not { } m)
            {
                continue;
            }

            // Complete matches score by how tightly they sit; partial ones by how much of the phrase was said.
            var completeness = (double)m.Matched / phrase.Words.Length;
            var score = requireAll ? (m.Contiguous ? 1.0 : 0.95) : 0.9 * completeness;
            Keep(best, Result(tokens[m.First].Start, tokens[m.Last].End, "value", Span(tokens, m.First, m.Last), phrase.Value, phrase.Index, score, phrase.Text));
        }

        return Ranked(best);
    }

    private static (int First, int Last, int Matched, bool Contiguous)? MatchInOrder(List<Token> tokens, string[] words, bool requireAll)
    {
        (int First, int Last, int Matched, bool Contiguous)? best = null;
        for (var start = 0; start < tokens.Count; start++)
        {
            var first = -1;
            var last = -1;
            var matched = 0;
            var meaningful = 0;
            var contiguous = true;
            var position = start;
            foreach (var word in words)
            {
                var found = -1;
                var limit = first < 0 ? tokens.Count : Math.Min(tokens.Count, last + 2 + MaxGapBetweenWords);
                for (var i = position; i < limit; i++)
                {
                    if (tokens[i].Normalized == word)
                    {
                        found = i;
                        break;
                    }
                }

                if (found < 0)
                {
                    if (requireAll)
                    {
                        break;
                    }

                    continue;
                }

                contiguous &= first < 0 || found == last + 1;
                first = first < 0 ? found : first;
                last = found;
                position = found + 1;
                matched++;
                meaningful += _stopWords.Contains(word) ? 0 : 1;
            }

            var acceptable = requireAll ? matched == words.Length : meaningful > 0;
            if (acceptable && (best is null || matched > best.Value.Matched))
            {
                best = (first, last, matched, contiguous && matched == words.Length);
            }

            if (first < 0)
            {
                break;
            }
        }

        return best;
    }

    private static List<ModelResult<FoundChoice>> FindMisspelled(List<Token> tokens, List<Phrase> phrases, double maxRatio, string utterance)
    {
        var best = new Dictionary<int, ModelResult<FoundChoice>>();
        foreach (var phrase in phrases)
        {
            var meaningful = phrase.Words.Where(w => !_stopWords.Contains(w)).ToArray();
            if (meaningful.Length == 0)
            {
                continue;
            }

            // Whole phrase against the whole utterance catches split or merged words ("news letter").
            var said = string.Join(' ', tokens.Select(t => t.Normalized));
            var whole = string.Join(' ', phrase.Words);
            var wholeRatio = Ratio(said, whole);
            if (whole.Length >= ShortestFuzzyWord && wholeRatio <= maxRatio)
            {
                Keep(best, Result(tokens[0].Start, tokens[^1].End, "fuzzy", utterance, phrase.Value, phrase.Index, 0.8 * (1 - wholeRatio), phrase.Text));
                continue;
            }

            var matched = 0;
            var ratioSum = 0.0;
            int first = int.MaxValue, last = -1;
            foreach (var word in meaningful.Where(w => w.Length >= ShortestFuzzyWord))
            {
                var candidates = tokens
                    .Select((token, i) => (i, ratio: Ratio(token.Normalized, word)))
                    .Where(candidate => tokens[candidate.i].Normalized.Length >= ShortestFuzzyWord - 1)
                    .ToList();
                if (candidates.Count == 0)
                {
                    continue;
                }

                var closest = candidates.MinBy(candidate => candidate.ratio);
                if (closest.ratio <= maxRatio)
                {
                    matched++;
                    ratioSum += closest.ratio;
                    first = Math.Min(first, closest.i);
                    last = Math.Max(last, closest.i);
                }
            }

            if (matched > 0)
            {
                var score = 0.8 * ((double)matched / meaningful.Length) * (1 - (ratioSum / matched));
                Keep(best, Result(tokens[first].Start, tokens[last].End, "fuzzy", Span(tokens, first, last, utterance), phrase.Value, phrase.Index, score, phrase.Text));
            }
        }

        return Ranked(best);
    }

    private static double Ratio(string said, string expected) =>
        (double)EditDistance.Between(said, expected) / Math.Max(said.Length, expected.Length);

    private static void Keep(Dictionary<int, ModelResult<FoundChoice>> best, ModelResult<FoundChoice> candidate)
    {
        if (!best.TryGetValue(candidate.Resolution.Index, out var current) || candidate.Resolution.Score > current.Resolution.Score)
        {
            best[candidate.Resolution.Index] = candidate;
        }
    }

    private static List<ModelResult<FoundChoice>> Ranked(Dictionary<int, ModelResult<FoundChoice>> best) =>
        [.. best.Values.OrderByDescending(r => r.Resolution.Score).ThenBy(r => r.Resolution.Index)];

    private static string Span(List<Token> tokens, int first, int last, string? utterance = null) =>
        utterance is null
            ? string.Join(' ', tokens.Skip(first).Take(last - first + 1).Select(t => t.Text))
            : utterance[tokens[first].Start..(tokens[last].End + 1)];

    private static ModelResult<FoundChoice> Result(int start, int end, string kind, string text, string value, int index, double score, string? synonym) => new()
    {
        Start = start,
        End = end,
        TypeName = kind,
        Text = text,
        Resolution = new FoundChoice { Value = value, Index = index, Score = score, Synonym = synonym },
    };

    private sealed record Phrase(int Index, string Value, string Text, string[] Words);
}
