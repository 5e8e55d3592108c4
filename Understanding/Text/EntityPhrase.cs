namespace AuthorBot.Understanding.Text;

/// <summary>
/// A name the classifier reads as its kind rather than its words: every book title becomes one placeholder word, so
/// "what's The Salt Orchard about" and "what's The Glass Cartographer about" teach one thing, and a book added later is
/// understood without new examples. Training examples write the kind in braces: "what's {book} about".
/// </summary>
/// <param name="Kind">The kind, lower-case letters only, e.g. "book".</param>
/// <param name="Phrase">The name as written, e.g. "The Glass Cartographer".</param>
/// <param name="Value">What it stands for (a book id), returned with each match.</param>
public sealed record EntityPhrase(string Kind, string Phrase, string Value)
{
    /// <summary>The word put in the name's place: the kind with a suffix no English word has.</summary>
    public string Placeholder => PlaceholderOf(Kind);

    /// <summary>The placeholder word of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>e.g. "bookentity".</returns>
    public static string PlaceholderOf(string kind) => kind + "entity";
}
