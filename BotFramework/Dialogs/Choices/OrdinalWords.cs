using System.Collections.Frozen;
using System.Globalization;

namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>English position words for picking a choice by place: "second", "2nd", "two", "2", "last".</summary>
internal static class OrdinalWords
{
    private static readonly FrozenDictionary<string, int> _ordinals = Positions(
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth");

    private static readonly FrozenDictionary<string, int> _cardinals = Positions(
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");

    // Words people wrap around a position ("I'll take the second one please"); ignored when reading it.
    private static readonly FrozenSet<string> _filler = new[]
    {
        "the", "one", "option", "choice", "number", "num", "no", "item", "please", "pick", "choose", "take", "select",
        "ill", "id", "i", "like", "want", "go", "with", "for", "me", "a", "an", "its", "it", "that", "is", "thats", "to",
    }.ToFrozenSet();

    /// <summary>Reads a 1-based position from a short utterance; null when it is not just a position.</summary>
    /// <param name="tokens">The utterance's words.</param>
    /// <param name="count">How many choices there are (for "last").</param>
    /// <param name="allowOrdinals">Whether "second"/"2nd"/"last" count.</param>
    /// <param name="allowNumbers">Whether "2"/"two" count.</param>
    /// <param name="kind">"ordinal" or "number".</param>
    public static int? ReadPosition(IReadOnlyList<Token> tokens, int count, bool allowOrdinals, bool allowNumbers, out string kind)
    {
        kind = string.Empty;
        var words = tokens.Select(t => t.Normalized).Where(w => !_filler.Contains(w)).ToList();
        if (words.Count == 0 && tokens.Count == 1 && tokens[0].Normalized == "one")
        {
            words.Add("one");
        }

        if (allowOrdinals)
        {
            kind = "ordinal";
            switch (words)
            {
                case ["last"]:
                    return count;
                case ["penultimate"] or ["second", "last"]:
                    return count - 1;
                case [var word] when _ordinals.TryGetValue(word, out var position):
                    return position;
                case [var word] when IsNumericOrdinal(word, out var position):
                    return position;
            }
        }

        if (allowNumbers && words is [var single])
        {
            kind = "number";
            if (_cardinals.TryGetValue(single, out var position))
            {
                return position;
            }

            if (single.Length <= 3 && int.TryParse(single, NumberStyles.None, CultureInfo.InvariantCulture, out position))
            {
                return position;
            }
        }

        kind = string.Empty;
        return null;
    }

    private static bool IsNumericOrdinal(string word, out int position)
    {
        position = 0;
        var digits = word.TakeWhile(char.IsAsciiDigit).Count();
        return digits is > 0 and <= 3
            && word[digits..] is "st" or "nd" or "rd" or "th"
            && int.TryParse(word.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out position);
    }

    private static FrozenDictionary<string, int> Positions(params string[] words) =>
        words.Select((word, index) => (word, position: index + 1)).ToFrozenDictionary(pair => pair.word, pair => pair.position);
}
