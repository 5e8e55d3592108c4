using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Dialogs.Choices;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>
/// Which choice a typed answer names: a letter ("B", "b)", "(c)", "answer d"), a position or number ("the second one",
/// "2", "last") or the answer's own words, misspellings forgiven. Positions, words and misspellings are the choice
/// recognizer every prompt uses; letters are the quiz's own. Null when the reply names no choice, or two equally well.
/// </summary>
internal static partial class QuizAnswerReader
{
    public static int? Read(string? text, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (LeaveWords().IsMatch(trimmed))
        {
            // "cancel" or "menu" must leave the quiz, even if a choice happens to sound like them.
            return null;
        }

        var letter = LetterOnly().Match(trimmed);
        if (!letter.Success)
        {
            letter = LetterFirst().Match(trimmed);
        }

        if (letter.Success)
        {
            var index = char.ToLowerInvariant(letter.Groups["letter"].Value[0]) - 'a';
            return index < choices.Count ? index : null;
        }

        var options = choices.Select(c => new Choice(c)).ToList();
        var found = ChoiceRecognizers.RecognizeChoices(trimmed, options);
        if (found.Count == 0 || (found.Count > 1 && found[0].Resolution.Score.Equals(found[1].Resolution.Score)))
        {
            return null;
        }

        // As in a choice prompt: a choice named in passing inside a longer message is not an answer.
        return (found[0].End - found[0].Start + 1) * 3 >= trimmed.Length ? found[0].Resolution.Index : null;
    }

    [GeneratedRegex(@"^(?:(?:answer|option|choice|letter|it'?s|i think|i'?ll (?:go with|say))\s+)?[(\[]?(?<letter>[a-d])[)\].:!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LetterOnly();

    // A button's own text typed or pasted back: "B) Only in storms", "c. 1962".
    [GeneratedRegex(@"^[(\[]?(?<letter>[a-d])[)\].:]\s+\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LetterFirst();

    [GeneratedRegex(@"^(cancel|menu|stop|quit|exit|help|start over|main menu|show the menu|stop the quiz|quit the quiz)[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeaveWords();
}
