namespace AuthorBot.Dialogs.Content;

/// <summary>An edition a book is sold in, with its prices per store.</summary>
/// <param name="Format">One of <see cref="Known"/>: "hardcover", "paperback", "ebook", "audiobook", "large print".</param>
/// <param name="Narrator">Who reads the audiobook, if it is one and the author said.</param>
/// <param name="Prices">Where it sells and for how much.</param>
public sealed record BookFormat(string Format, string? Narrator, IReadOnlyList<BookPrice> Prices)
{
    /// <summary>The formats author.json may name.</summary>
    public static readonly IReadOnlyList<string> Known = ["hardcover", "paperback", "ebook", "audiobook", "large print"];
}
