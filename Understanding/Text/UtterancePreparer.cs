using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AuthorBot.Understanding.Text;

/// <summary>
/// Turns a message into what the classifier reads, the same way for training examples and for readers' messages: words,
/// names replaced by their placeholder, misspelt words corrected to words the examples used.
/// </summary>
public sealed partial class UtterancePreparer
{
    // Words too common to say anything on their own: a message made only of these (and unknown words) is not
    // understood, however the model would score it.
    private static readonly FrozenSet<string> _common = new[]
    {
        "a", "an", "the", "i", "i'm", "im", "me", "my", "you", "your", "it", "is", "are", "am", "to", "of", "and", "or",
        "in", "on", "at", "for", "with", "by", "this", "that", "be", "do", "can",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly EntityMatcher _entities;
    private readonly SpellingCorrector _speller;

    private UtterancePreparer(EntityMatcher entities, SpellingCorrector speller)
    {
        _entities = entities;
        _speller = speller;
    }

    /// <summary>The names this preparer replaces.</summary>
    public EntityMatcher Entities => _entities;

    /// <summary>A preparer whose vocabulary is the words of <paramref name="examples"/>.</summary>
    /// <param name="examples">The training examples' texts (placeholders in braces allowed).</param>
    /// <param name="entities">The names to replace.</param>
    /// <returns>The preparer.</returns>
    public static UtterancePreparer Build(IEnumerable<string> examples, IEnumerable<EntityPhrase> entities)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var words = examples.SelectMany(e => UtteranceText.Words(ExpandPlaceholders(e)));
        return new UtterancePreparer(new EntityMatcher(entities), new SpellingCorrector(words));
    }

    /// <summary>Prepares a training example: placeholders in braces become placeholder words; nothing is corrected.</summary>
    /// <param name="example">The example, e.g. "what's {book} about?".</param>
    /// <returns>The prepared text.</returns>
    public static string PrepareExample(string example) => string.Join(' ', NegationScope.Mark(UtteranceText.Words(ExpandPlaceholders(example))));

    /// <summary>Prepares a reader's message.</summary>
    /// <param name="text">The message.</param>
    /// <returns>What the classifier reads, with the names found.</returns>
    public PreparedUtterance Prepare(string? text)
    {
        var words = UtteranceText.Words(text);
        var matches = _entities.Find(words);
        var masked = EntityMatcher.Mask(words, matches);
        var known = 0;
        var content = 0;
        for (var i = 0; i < masked.Count; i++)
        {
            var word = masked[i];
            if (word.EndsWith("entity", StringComparison.Ordinal) && matches.Any(m => m.Entity.Placeholder == word))
            {
                known++;
                content++;
                continue;
            }

            var corrected = _speller.Correct(word);
            masked[i] = corrected;
            if (_common.Contains(corrected))
            {
                continue;
            }

            content++;
            if (_speller.IsKnown(corrected))
            {
                known++;
            }
        }

        return new PreparedUtterance(string.Join(' ', NegationScope.Mark(masked)), known, content, matches);
    }

    private static string ExpandPlaceholders(string example) =>
        Placeholder().Replace(example ?? string.Empty, m => " " + EntityPhrase.PlaceholderOf(m.Groups[1].Value.ToLowerInvariant()) + " ");

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
