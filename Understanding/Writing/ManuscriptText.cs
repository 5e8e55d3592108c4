using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;

namespace AuthorBot.Understanding.Writing;

/// <summary>
/// Turns an uploaded manuscript into the plain text the analyzer reads, one paragraph a line: Markdown through Markdig
/// (so emphasis marks and headings' hashes are not counted as words), Word documents through the Open XML SDK (the
/// body's paragraphs, without headers, footers or comments).
/// </summary>
public static class ManuscriptText
{
    private const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The format a file name or content type names, or null when it is none the analyzer reads.</summary>
    /// <param name="fileName">The file's name, if known.</param>
    /// <param name="contentType">Its declared media type, if known.</param>
    /// <returns>The format, or null.</returns>
    public static ManuscriptFormat? FormatOf(string? fileName, string? contentType)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return extension switch
        {
            ".txt" => ManuscriptFormat.PlainText,
            ".md" or ".markdown" => ManuscriptFormat.Markdown,
            ".docx" => ManuscriptFormat.Word,
            _ => contentType?.ToLowerInvariant() switch
            {
                "text/plain" => ManuscriptFormat.PlainText,
                "text/markdown" => ManuscriptFormat.Markdown,
                WordContentType => ManuscriptFormat.Word,
                _ => null,
            },
        };
    }

    /// <summary>Reads <paramref name="content"/> as <paramref name="format"/>.</summary>
    /// <param name="content">The file's bytes; read to its end, not disposed.</param>
    /// <param name="format">What it is.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The text, paragraphs separated by blank lines.</returns>
    /// <exception cref="InvalidDataException">The file is not what its name says (a .docx that is no Word document, say).</exception>
    public static async Task<string> ReadAsync(Stream content, ManuscriptFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return format switch
        {
            ManuscriptFormat.Word => ReadWord(buffer),
            ManuscriptFormat.Markdown => Markdown.ToPlainText(DecodeText(buffer)),
            _ => DecodeText(buffer),
        };
    }

    private static string DecodeText(MemoryStream buffer)
    {
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd();
    }

    private static string ReadWord(MemoryStream buffer)
    {
        try
        {
            using var document = WordprocessingDocument.Open(buffer, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InvalidDataException("The Word document has no body.");
            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                text.Append(paragraph.InnerText).Append("\n\n");
            }

            return text.ToString();
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or FileFormatException or InvalidDataException or InvalidOperationException or IOException)
        {
            throw new InvalidDataException("That file is not a Word document I can read (.docx).", exception);
        }
    }
}
