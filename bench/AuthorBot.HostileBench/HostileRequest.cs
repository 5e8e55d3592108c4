using System.Net.Http.Headers;

namespace AuthorBot.HostileBench;

/// <summary>One request of the fuzz: what to send, where, and what the answer may teach the next requests.</summary>
/// <param name="Target">The surface it hits (for the report): messages, directline.*, token, announcements, redirect.</param>
/// <param name="Description">A short label of what is hostile about it, for the report of anything that went wrong.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">Path and query, relative to the bot's base address.</param>
/// <param name="Body">The body, or null for none.</param>
/// <param name="ContentType">The Content-Type header, or null for none.</param>
/// <param name="Headers">Further headers (Authorization, Cookie, X-Forwarded-For, ...).</param>
public sealed record HostileRequest(
    string Target,
    string Description,
    HttpMethod Method,
    string Path,
    byte[]? Body = null,
    string? ContentType = null,
    IReadOnlyList<(string Name, string Value)>? Headers = null)
{
    /// <summary>True for a Bot Framework invoke on /api/messages, which the bot answers 501 when no handler took it (documented).</summary>
    public bool IsInvoke { get; init; }

    /// <summary>Open it as a WebSocket instead (the Direct Line stream), then send <see cref="Body"/> as a frame.</summary>
    public bool IsWebSocket { get; init; }

    /// <summary>What to learn from a successful answer (a token, a conversation, an announcement id, an attachment URL).</summary>
    public FuzzLesson Lesson { get; init; }

    /// <summary>The session the request used, when it needs one.</summary>
    public FuzzSession? Session { get; init; }

    /// <summary>Builds the HTTP request.</summary>
    public HttpRequestMessage ToHttpRequest()
    {
        var request = new HttpRequestMessage(Method, new Uri(Path, UriKind.Relative));
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null && MediaTypeHeaderValue.TryParse(ContentType, out var type))
            {
                request.Content.Headers.ContentType = type;
            }
            else if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers ?? [])
        {
            // HTTP headers are ASCII; anything else could never reach the bot, so it is sent percent-encoded.
            var ascii = value.All(char.IsAscii) ? value : Uri.EscapeDataString(value);
            if (!request.Headers.TryAddWithoutValidation(name, ascii))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, ascii);
            }
        }

        return request;
    }
}
