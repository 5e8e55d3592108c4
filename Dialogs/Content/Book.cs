namespace AuthorBot.Dialogs.Content;

/// <summary>One of the author's books, published or upcoming.</summary>
/// <param name="Id">A stable id (lower-case letters, digits and hyphens).</param>
/// <param name="Title">The title.</param>
/// <param name="Blurb">The back-cover text.</param>
/// <param name="Tags">Genres and topics, lower-case.</param>
/// <param name="PublishedOn">The publication date of a published book.</param>
/// <param name="Launch">The launch of an upcoming book.</param>
/// <param name="SampleChapterUrl">Where to read a sample chapter.</param>
/// <param name="PreOrderLinks">Where to pre-order it.</param>
public sealed record Book(
    string Id,
    string Title,
    string Blurb,
    IReadOnlyList<string> Tags,
    DateOnly? PublishedOn,
    BookLaunch? Launch,
    Uri? SampleChapterUrl,
    IReadOnlyList<PreOrderLink> PreOrderLinks)
{
    /// <summary>The book's place in a series, or null for a standalone.</summary>
    public BookSeries? Series { get; init; }

    /// <summary>The editions it sells in, with prices.</summary>
    public IReadOnlyList<BookFormat> Formats { get; init; } = [];

    /// <summary>Where and when the story takes place ("a Northumberland fishing village"), if the author said.</summary>
    public string? Setting { get; init; }

    /// <summary>The main characters, as the author lists them.</summary>
    public IReadOnlyList<BookCharacter> Characters { get; init; } = [];
}
