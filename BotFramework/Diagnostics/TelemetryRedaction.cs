using System.Text;

namespace AuthorBot.BotFramework.Diagnostics;

/// <summary>Keeps ids out of the URLs that telemetry records.</summary>
public static class TelemetryRedaction
{
    private static readonly HashSet<string> _literalSegments = new(StringComparer.Ordinal)
    {
        "v3", "conversations", "activities", "members", "pagedmembers", "attachments", "views", "directline", "tokens",
        "generate", "refresh", "upload", "stream", "api", "messages",
    };

    /// <summary>
    /// A Bot Connector or Direct Line path with every segment that is not a fixed word of the protocol replaced by
    /// <c>{id}</c>, and the query dropped: "v3/conversations/a:b%3B/activities/1?x" → "v3/conversations/{id}/activities/{id}".
    /// </summary>
    /// <param name="path">A relative or absolute path.</param>
    /// <returns>The template.</returns>
    public static string PathTemplate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var span = path.AsSpan();
        var query = span.IndexOfAny('?', '#');
        if (query >= 0)
        {
            span = span[..query];
        }

        var template = new StringBuilder(span.Length);
        var first = true;
        foreach (var range in span.Split('/'))
        {
            if (!first)
            {
                template.Append('/');
            }

            first = false;
            var segment = span[range];
            if (segment.IsEmpty || _literalSegments.Contains(segment.ToString()))
            {
                template.Append(segment);
            }
            else
            {
                template.Append("{id}");
            }
        }

        return template.ToString();
    }

    /// <summary>The URL with its path made a <see cref="PathTemplate"/> and no query or user info.</summary>
    /// <param name="uri">An absolute URL.</param>
    /// <returns>scheme://host[:port]/template.</returns>
    public static string UrlTemplate(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Scheme) + uri.Authority + PathTemplate(uri.AbsolutePath) : PathTemplate(uri.OriginalString);
    }
}
