using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.DirectLine;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Bot.DirectLine;

/// <summary>
/// The same-origin endpoint the chat page calls for a Direct Line token, so the Direct Line secret never reaches the
/// browser. The reader id in the token is issued here and bound to the browser by <see cref="ReaderCookie"/>, renewed on
/// every call; an id the caller merely names is never granted (a request naming any id other than its cookie's gets a
/// fresh one), so knowing another reader's id reads nothing of theirs. Loopback callers only, decided on the real
/// client address (forwarded headers count only from configured proxies), unless
/// <c>DirectLine:TokenEndpoint:AllowRemote</c> is true: anyone who can call it can start conversations with the bot.
/// </summary>
internal static partial class DirectLineTokenEndpoint
{
    private const int MaxBodyBytes = 4 * 1024;

    public static IEndpointConventionBuilder MapDirectLineTokenEndpoint(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.MapPost(pattern, async context =>
        {
            var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
            var remote = context.Connection.RemoteIpAddress;
            if (!configuration.GetValue("DirectLine:TokenEndpoint:AllowRemote", false) && (remote is null || !IPAddress.IsLoopback(remote)))
            {
                await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "This token endpoint only answers the same machine; set DirectLine:TokenEndpoint:AllowRemote=true behind a rate-limiting proxy to open it.").ConfigureAwait(false);
                return;
            }

            var (named, status, error) = await ReadNamedIdAsync(context).ConfigureAwait(false);
            if (error is not null)
            {
                await WriteErrorAsync(context, status, error).ConfigureAwait(false);
                return;
            }

            var cookie = context.RequestServices.GetRequiredService<ReaderCookie>();
            var vouched = cookie.Read(context);
            var readerId = vouched is not null && (named is null || string.Equals(named, vouched, StringComparison.Ordinal))
                ? vouched
                : NewReaderId();
            cookie.Write(context, readerId, context.Request.PathBase + pattern);

            var grant = context.RequestServices.GetRequiredService<DirectLineTokenIssuer>().Issue(readerId);
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-store";
            await JsonSerializer.SerializeAsync(context.Response.Body, new TokenResponse(grant.Token, grant.ExpiresIn, grant.ConversationId, readerId), TokenJsonContext.Default.TokenResponse, context.RequestAborted).ConfigureAwait(false);
        });

    /// <summary>True for an id this endpoint could have issued.</summary>
    public static bool IsReaderId(string? value) => value is not null && ReaderIdPattern().IsMatch(value);

    private static string NewReaderId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// The id the body names, if any (older pages send the one they kept in local storage). It only matters when it
    /// differs from the cookie's: then the caller is not that reader, and gets a fresh id.
    /// </summary>
    private static async Task<(string? Named, int Status, string? Error)> ReadNamedIdAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"The body may hold at most {MaxBodyBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, StatusCodes.Status413PayloadTooLarge, $"The body may hold at most {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, StatusCodes.Status200OK, null);
        }

        try
        {
            var element = StrictJson.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            if (element.ValueKind != JsonValueKind.Object)
            {
                return (null, StatusCodes.Status400BadRequest, "The body must be a JSON object, e.g. {}.");
            }

            return (element.Deserialize(TokenJsonContext.Default.TokenRequest)?.UserId, StatusCodes.Status200OK, null);
        }
        catch (JsonException exception)
        {
            return (null, StatusCodes.Status400BadRequest, "The body is not valid JSON: " + StrictJson.Describe(exception));
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new ErrorBody(message), TokenJsonContext.Default.ErrorBody, context.RequestAborted).ConfigureAwait(false);
    }

    [GeneratedRegex("^dl_[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ReaderIdPattern();
}
