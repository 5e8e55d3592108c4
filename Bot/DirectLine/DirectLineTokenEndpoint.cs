using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.DirectLine;

namespace AuthorBot.Bot.DirectLine;

/// <summary>
/// The same-origin endpoint the chat page calls for a Direct Line token, so the Direct Line secret never reaches the
/// browser. Loopback callers only unless <c>DirectLine:TokenEndpoint:AllowRemote</c> is true (then put the host behind
/// a rate-limiting proxy): anyone who can call it can start conversations with the bot.
/// </summary>
internal static partial class DirectLineTokenEndpoint
{
    private const int MaxBodyBytes = 4 * 1024;

    public static IEndpointConventionBuilder MapDirectLineTokenEndpoint(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.MapPost(pattern, static async context =>
        {
            var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
            var remote = context.Connection.RemoteIpAddress;
            if (!configuration.GetValue("DirectLine:TokenEndpoint:AllowRemote", false) && (remote is null || !IPAddress.IsLoopback(remote)))
            {
                await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "This token endpoint only answers the same machine; set DirectLine:TokenEndpoint:AllowRemote=true behind a rate-limiting proxy to open it.").ConfigureAwait(false);
                return;
            }

            var userId = await ReadUserIdAsync(context).ConfigureAwait(false);
            var grant = context.RequestServices.GetRequiredService<DirectLineTokenIssuer>().Issue(userId);
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, new TokenResponse(grant.Token, grant.ExpiresIn, grant.ConversationId, userId), TokenJsonContext.Default.TokenResponse, context.RequestAborted).ConfigureAwait(false);
        });

    /// <summary>
    /// The page sends the stable id it keeps in local storage so a returning reader is recognized; anything that is not
    /// a plausible id is replaced by a fresh one rather than rejected, so a cleared or tampered store still gets a chat.
    /// </summary>
    private static async Task<string> ReadUserIdAsync(HttpContext context)
    {
        string? requested = null;
        if (context.Request.ContentLength is > 0 and <= MaxBodyBytes)
        {
            try
            {
                var body = await JsonSerializer.DeserializeAsync(context.Request.Body, TokenJsonContext.Default.TokenRequest, context.RequestAborted).ConfigureAwait(false);
                requested = body?.UserId;
            }
            catch (JsonException)
            {
                requested = null;
            }
        }

        return requested is not null && UserIdPattern().IsMatch(requested)
            ? requested
            : "dl_" + Guid.NewGuid().ToString("N");
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new ErrorBody(message), TokenJsonContext.Default.ErrorBody, context.RequestAborted).ConfigureAwait(false);
    }

    [GeneratedRegex("^dl_[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex UserIdPattern();
}
