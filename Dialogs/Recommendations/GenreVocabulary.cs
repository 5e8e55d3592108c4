using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Dialogs.Choices;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// The catalogue's genres in readers' words: labels for buttons ("Science fiction"), the everyday names readers type
/// ("sci-fi", "YA", "mysteries") and lists ("fantasy, horror and crime").
/// </summary>
internal sealed partial class GenreVocabulary
{
    // Words readers use for a tag besides the tag itself; only tags present in the catalogue are offered.
    private static readonly FrozenDictionary<string, string[]> _synonyms = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["science-fiction"] = ["sci fi", "scifi", "sf", "space opera"],
        ["young-adult"] = ["ya", "teen", "teens", "young adult"],
        ["mystery"] = ["mysteries", "whodunit", "whodunnits", "detective", "detectives"],
        ["thriller"] = ["thrillers", "suspense"],
        ["romance"] = ["romantic", "love stories"],
        ["historical-fiction"] = ["historical", "historical novels"],
        ["literary-fiction"] = ["literary", "literature", "lit fic"],
        ["horror"] = ["scary", "scary books"],
        ["non-fiction"] = ["nonfiction", "non fiction", "true stories"],
        ["children"] = ["kids", "children's", "childrens", "kids books"],
        ["humor"] = ["humour", "funny", "comedy"],
        ["classics"] = ["classic"],
        ["memoir"] = ["memoirs", "autobiography", "autobiographies"],
        ["biography"] = ["biographies"],
        ["poetry"] = ["poems"],
        ["graphic-novels"] = ["comics", "graphic novel", "manga"],
        ["dystopia"] = ["dystopian", "dystopias"],
        ["paranormal"] = ["supernatural", "vampires", "ghosts"],
        ["adventure"] = ["adventures", "action"],
        ["crime"] = ["true crime", "crime fiction"],
        ["mythology"] = ["myths", "myth", "legends"],
        ["plays"] = ["drama", "theatre", "theater"],
        ["picture-books"] = ["picture book"],
        ["war"] = ["war stories", "military"],
        ["self-help"] = ["self improvement"],
        ["magical-realism"] = ["magic realism"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FindChoicesOptions _strict = new() { RecognizeNumbers = false, RecognizeOrdinals = false, MaxEditDistanceRatio = 0.2 };

    private readonly FrozenDictionary<string, string> _exact;
    private readonly List<Choice> _all;

    /// <summary>Builds the vocabulary over the catalogue's tags.</summary>
    /// <param name="tags">The catalogue's tags, most used first.</param>
    public GenreVocabulary(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        Tags = tags;
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        _all = new List<Choice>(tags.Count);
        foreach (var tag in tags)
        {
            var words = new List<string> { tag, tag.Replace('-', ' '), Label(tag).ToLowerInvariant() };
            words.AddRange(_synonyms.GetValueOrDefault(tag, []));
            words.AddRange(words.Where(w => !w.EndsWith('s')).Select(w => w + "s").ToList());
            foreach (var word in words)
            {
                exact.TryAdd(word, tag);
            }

            _all.Add(new Choice(tag) { Synonyms = [.. words.Distinct(StringComparer.Ordinal)] });
        }

        _exact = exact.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The catalogue's tags, most used first.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>A tag as a button label: "young-adult" becomes "Young adult".</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The label.</returns>
    public static string Label(string tag)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var spaced = tag.Replace('-', ' ');
        return char.ToUpper(spaced[0], CultureInfo.InvariantCulture) + spaced[1..];
    }

    /// <summary>Choices for the most used genres, with the words readers type as synonyms; values are labels.</summary>
    /// <param name="count">How many.</param>
    /// <param name="exclude">Tags already picked.</param>
    /// <returns>The choices.</returns>
    public List<Choice> TopChoices(int count, IEnumerable<string> exclude)
    {
        var picked = exclude.ToHashSet(StringComparer.Ordinal);
        return [.. Tags.Where(t => !picked.Contains(t)).Take(count).Select(t => new Choice(Label(t)) { Synonyms = [.. _all.First(c => c.Value == t).Synonyms!] })];
    }

    /// <summary>The tag a label, tag or synonym names.</summary>
    /// <param name="phrase">One genre as the reader wrote it.</param>
    /// <returns>The tag, or null when no genre (or more than one equally) fits.</returns>
    public string? Find(string? phrase)
    {
        var cleaned = Clean(phrase);
        if (cleaned.Length == 0)
        {
            return null;
        }

        if (_exact.TryGetValue(cleaned, out var tag))
        {
            return tag;
        }

        // Misspellings and part-names ("historical"); two equally good genres ("fiction") are no answer.
        var found = ChoiceRecognizers.RecognizeChoices(cleaned, _all, _strict);
        return found.Count == 1 || (found.Count > 1 && found[0].Resolution.Score > found[1].Resolution.Score) ? found[0].Resolution.Value : null;
    }

    /// <summary>Reads a list of genres: "fantasy, sci-fi and mysteries".</summary>
    /// <param name="text">The reader's message.</param>
    /// <returns>The tags found (in the order given, no repeats) and the parts that named no genre.</returns>
    public (IReadOnlyList<string> Tags, IReadOnlyList<string> Unknown) ParseList(string? text)
    {
        var tags = new List<string>();
        var unknown = new List<string>();
        foreach (var part in Separators().Split(text ?? string.Empty).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (Find(part) is { } tag)
            {
                if (!tags.Contains(tag, StringComparer.Ordinal))
                {
                    tags.Add(tag);
                }
            }
            else if (Clean(part).Length > 0)
            {
                unknown.Add(part);
            }
        }

        return (tags, unknown);
    }

    /// <summary>The catalogue tags among a reader's stored interests (which may hold other topics too).</summary>
    /// <param name="interests">The profile's interests.</param>
    /// <returns>The tags, no repeats.</returns>
    public IReadOnlyList<string> FromInterests(IEnumerable<string> interests) =>
        [.. (interests ?? []).Select(i => _exact.GetValueOrDefault(Clean(i))).OfType<string>().Distinct(StringComparer.Ordinal)];

    private static string Clean(string? phrase)
    {
        var text = Filler().Replace(Punctuation().Replace((phrase ?? string.Empty).ToLowerInvariant(), " "), " ");
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s*(?:,|;|\band\b|&|\+|/|\bor\b|\n)\s*")]
    private static partial Regex Separators();

    [GeneratedRegex(@"[^\p{L}\p{N}' ]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\b(i (really )?(like|love|enjoy|read)|i'm into|mostly|mainly|some|also|too|please|books?|novels?|genres?)\b")]
    private static partial Regex Filler();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
