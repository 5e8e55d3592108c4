namespace AuthorBot.Understanding.Writing;

/// <summary>The kinds of file a manuscript may come in.</summary>
public enum ManuscriptFormat
{
    /// <summary>Plain text (.txt).</summary>
    PlainText,

    /// <summary>Markdown (.md).</summary>
    Markdown,

    /// <summary>A Word document (.docx).</summary>
    Word,
}
