using System.Collections.Frozen;
using AuthorBot.BotFramework.Dialogs.Choices;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>A small English yes/no matcher: "yes", "yeah", "sure", "y", "of course" versus "no", "nope", "n", "not now".</summary>
internal sealed class LocalYesNoRecognizer : IBooleanRecognizer
{
    public static readonly LocalYesNoRecognizer Instance = new();

    private static readonly string[][] _yes = Phrases(
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "k", "of course", "absolutely", "certainly",
        "definitely", "affirmative", "correct", "right", "true", "please do", "go ahead", "do it", "sounds good", "i do",
        "why not", "alright", "all right", "indeed", "totally", "yes please", "agree", "agreed", "i agree");

    private static readonly string[][] _no = Phrases(
        "no", "n", "nope", "nah", "nay", "never", "negative", "false", "not now", "no thanks", "no thank you",
        "dont", "do not", "not really", "not interested", "i dont", "i do not", "disagree", "no way", "not yet", "not today");

    // Uncertain answers that would otherwise hit a yes word ("not sure" contains "sure").
    private static readonly string[][] _neither = Phrases("not sure", "im not sure", "maybe", "dont know", "perhaps", "no idea");

    // Thumbs up, OK hand, thumbs down; a skin-tone modifier may follow.
    private static readonly FrozenDictionary<string, bool> _emoji = new Dictionary<string, bool>
    {
        ["\U0001F44D"] = true,
        ["\U0001F44C"] = true,
        ["\U0001F44E"] = false,
    }.ToFrozenDictionary();

    public bool? Recognize(string? utterance, string? locale)
    {
        if (string.IsNullOrWhiteSpace(utterance))
        {
            return null;
        }

        var trimmed = StripSkinTone(utterance.Trim());
        if (_emoji.TryGetValue(trimmed, out var emojiAnswer))
        {
            return emojiAnswer;
        }

        var words = Tokenizer.Tokenize(utterance).Select(t => t.Normalized).ToArray();
        bool? answer = null;
        var sawYes = false;
        var sawNo = false;

        // Longest phrase first, left to right, so "i do not" is a no rather than the yes "i do" plus "not".
        for (var start = 0; start < words.Length;)
        {
            var (length, meaning) = LongestAt(words, start);
            if (length == 0)
            {
                start++;
                continue;
            }

            if (meaning is null)
            {
                return null;
            }

            // "not ok", "not right now": a yes word right after "not" is a no.
            if (meaning == true && start > 0 && words[start - 1] == "not")
            {
                meaning = false;
            }

            sawYes |= meaning == true;
            sawNo |= meaning == false;
            answer ??= meaning;
            start += length;
        }

        if (sawYes && sawNo)
        {
            // "no, yes" is ambiguous, but "sure, no problem" and "yes no worries" lead with the answer.
            return answer == true && (words.Contains("problem") || words.Contains("worries")) ? true : null;
        }

        return answer;
    }

    private static (int Length, bool? Meaning) LongestAt(string[] words, int start)
    {
        var best = (Length: 0, Meaning: (bool?)null);
        foreach (var (phrases, meaning) in new[] { (_yes, (bool?)true), (_no, false), (_neither, null) })
        {
            foreach (var phrase in phrases)
            {
                if (phrase.Length > best.Length && start + phrase.Length <= words.Length && phrase.Select((w, i) => words[start + i] == w).All(same => same))
                {
                    best = (phrase.Length, meaning);
                }
            }
        }

        return best;
    }

    private static string StripSkinTone(string text) =>
        text.EndsWith("\U0001F3FB", StringComparison.Ordinal) || text.EndsWith("\U0001F3FC", StringComparison.Ordinal)
        || text.EndsWith("\U0001F3FD", StringComparison.Ordinal) || text.EndsWith("\U0001F3FE", StringComparison.Ordinal)
        || text.EndsWith("\U0001F3FF", StringComparison.Ordinal)
            ? text[..^2]
            : text;

    private static string[][] Phrases(params string[] phrases) =>
        [.. phrases.Select(p => Tokenizer.Tokenize(p).Select(t => t.Normalized).ToArray()).Where(p => p.Length > 0)];
}
