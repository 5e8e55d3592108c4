using System.Collections.Frozen;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Understanding.Text;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// Which book on screen a typed reply names: by position ("2", "the first one", "last") or by title, word by word with
/// misspellings forgiven. A title wins only when it fits clearly better than every other book on screen ("gone girl"
/// fits Gone Girl wholly and The Girl with the Dragon Tattoo a third); otherwise the close ones come back to ask about.
/// </summary>
internal static class ShownBookMatcher
{
    private const double Enough = 0.5;
    private const double Margin = 0.2;

    private static readonly FrozenSet<string> _minor = new[] { "the", "a", "an", "of", "and", "in", "on", "with", "to", "for", "one", "book", "novel" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> _positions = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["1"] = 1,
        ["1st"] = 1,
        ["first"] = 1,
        ["one"] = 1,
        ["2"] = 2,
        ["2nd"] = 2,
        ["second"] = 2,
        ["two"] = 2,
        ["3"] = 3,
        ["3rd"] = 3,
        ["third"] = 3,
        ["three"] = 3,
        ["4"] = 4,
        ["4th"] = 4,
        ["fourth"] = 4,
        ["four"] = 4,
        ["5"] = 5,
        ["5th"] = 5,
        ["fifth"] = 5,
        ["five"] = 5,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The book on screen the text names, or the candidates when it could be several.</summary>
    /// <param name="text">The part of the reply that names the book.</param>
    /// <param name="shown">The books on screen, in card order.</param>
    /// <returns>The book's id, or null with the candidates (empty when nothing fits).</returns>
    public static (string? BookId, IReadOnlyList<string> Candidates) Find(string text, IReadOnlyList<CatalogItem> shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var words = UtteranceText.Words(text);
        if (words.Count == 0 || shown.Count == 0)
        {
            return (null, []);
        }

        if (Position(words, shown.Count) is { } index)
        {
            return (shown[index].Id, []);
        }

        var scored = shown
            .Select(book => (book.Id, Score: Score(words, UtteranceText.Words(BrowseReplyParser.ShortTitle(book.Title)))))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ToList();
        if (scored.Count == 0 || scored[0].Score < Enough)
        {
            return (null, []);
        }

        return scored.Count == 1 || scored[0].Score - scored[1].Score >= Margin
            ? (scored[0].Id, [])
            : (null, [.. scored.Where(s => scored[0].Score - s.Score < Margin).Select(s => s.Id)]);
    }

    /// <summary>"2", "the second one", "number 2", "the last one": the index, or null.</summary>
    private static int? Position(List<string> words, int count)
    {
        var content = words.Where(w => w is not ("the" or "one" or "number" or "no" or "book" or "#")).ToList();
        if (content.Count != 1)
        {
            return null;
        }

        if (content[0] == "last")
        {
            return count - 1;
        }

        return _positions.TryGetValue(content[0], out var position) && position <= count ? position - 1 : null;
    }

    /// <summary>How well the typed words fit a title: the F1 of title words covered and typed words used, minor words aside.</summary>
    private static double Score(List<string> typed, List<string> title)
    {
        var typedWords = typed.Where(w => !_minor.Contains(w)).ToList();
        var titleWords = title.Where(w => !_minor.Contains(w)).ToList();
        if (typedWords.Count == 0 || titleWords.Count == 0)
        {
            // Titles of only minor words ("The One") match only when typed whole.
            return typed.SequenceEqual(title) ? 1 : 0;
        }

        var covered = titleWords.Count(t => typedWords.Any(w => EditDistance.Close(w, t)));
        var used = typedWords.Count(w => titleWords.Any(t => EditDistance.Close(w, t)));
        if (covered == 0)
        {
            return 0;
        }

        var recall = covered / (double)titleWords.Count;
        var precision = used / (double)typedWords.Count;
        return 2 * precision * recall / (precision + recall);
    }
}
