using System.Globalization;
using System.Text;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;

namespace AuthorBot.Dialogs.Events;

/// <summary>
/// An RFC 5545 calendar file for one event: CRLF line ends, lines folded at 75 octets without splitting a UTF-8
/// character, text escaped, times in UTC, and a stable UID so re-importing updates rather than duplicates it.
/// </summary>
public static class IcsCalendar
{
    /// <summary>The media type of calendar files.</summary>
    public const string ContentType = "text/calendar";

    private const int MaxLineOctets = 75;

    /// <summary>Builds the calendar text.</summary>
    /// <param name="authorEvent">The event.</param>
    /// <param name="authorName">The organiser's name, for the description.</param>
    /// <param name="stampedAt">When the file is made (DTSTAMP).</param>
    /// <returns>The iCalendar text.</returns>
    public static string Build(AuthorEvent authorEvent, string authorName, DateTimeOffset stampedAt)
    {
        ArgumentNullException.ThrowIfNull(authorEvent);
        ArgumentNullException.ThrowIfNull(authorName);
        var description = $"{authorEvent.Title} with {authorName}. Details and joining link: {authorEvent.Link.AbsoluteUri}";
        string?[] lines =
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//AuthorBot//Events//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{authorEvent.Id}@authorbot",
            $"DTSTAMP:{Utc(stampedAt)}",
            $"DTSTART:{Utc(authorEvent.StartsAt)}",
            $"DTEND:{Utc(authorEvent.EndsAt)}",
            $"SUMMARY:{Escape(authorEvent.Title)}",
            $"DESCRIPTION:{Escape(description)}",
            authorEvent.Venue is { } venue ? $"LOCATION:{Escape(venue)}" : null,
            $"URL:{authorEvent.Link.AbsoluteUri}",
            "END:VEVENT",
            "END:VCALENDAR",
        ];
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (line is not null)
            {
                Fold(line, text);
            }
        }

        return text.ToString();
    }

    /// <summary>The calendar as an attachment whose content travels inline as a data: URL.</summary>
    /// <param name="authorEvent">The event.</param>
    /// <param name="authorName">The organiser's name.</param>
    /// <param name="stampedAt">When the file is made.</param>
    /// <returns>The attachment, named "{event id}.ics".</returns>
    public static Attachment ToAttachment(AuthorEvent authorEvent, string authorName, DateTimeOffset stampedAt)
    {
        ArgumentNullException.ThrowIfNull(authorEvent);
        var bytes = Encoding.UTF8.GetBytes(Build(authorEvent, authorName, stampedAt));
        return new Attachment(ContentType, $"data:{ContentType};charset=utf-8;base64,{Convert.ToBase64String(bytes)}", name: authorEvent.Id + ".ics");
    }

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Writes a content line, folding it so no physical line exceeds 75 octets (continuations start with a space).</summary>
    private static void Fold(string line, StringBuilder output)
    {
        var limit = MaxLineOctets;
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = MaxLineOctets - 1; // the leading space of a continuation counts towards its 75 octets
            }

            output.Append(line, i, length);
            octets += size;
            i += length - 1;
        }

        output.Append("\r\n");
    }
}
