using System.Security.Cryptography;
using System.Text.Json;
using AuthorBot.Bot.DirectLine;
using AuthorBot.BotFramework.DirectLine;
using AuthorBot.Dialogs.Writing;

namespace AuthorBot.Bot.Writing;

/// <summary>
/// <c>POST /dashboard/api/author-chat</c>: a Direct Line token for the author, for whoever is signed in to the dashboard
/// with the announcements key. The reader id in it begins with <see cref="AuthorDirectory.DashboardIdPrefix"/>, which
/// the chat page's token endpoint never issues, so the bot knows the chat is the author's (writing feedback) without a
/// list of ids to keep.
/// </summary>
internal static class AuthorChatEndpoint
{
    public static async Task IssueAsync(HttpContext context)
    {
        var readerId = AuthorDirectory.DashboardIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var grant = context.RequestServices.GetRequiredService<DirectLineTokenIssuer>().Issue(readerId);
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new TokenResponse(grant.Token, grant.ExpiresIn, grant.ConversationId, readerId), TokenJsonContext.Default.TokenResponse, context.RequestAborted).ConfigureAwait(false);
    }
}
