using AuthorBot.Dialogs.Content;

namespace AuthorBot.Bot.ChatPage;

/// <summary>
/// <c>GET /api/chat/branding</c>: the author's look from author.json, which the chat page turns into its header and
/// Web Chat's styleOptions. Public (the page shows it to every reader) and cacheable for a few minutes.
/// </summary>
internal static class ChatBrandingEndpoint
{
    public static IEndpointRouteBuilder MapChatBranding(this IEndpointRouteBuilder endpoints, string pattern)
    {
        endpoints.MapGet(pattern, static context =>
        {
            var content = context.RequestServices.GetRequiredService<AuthorContent>();
            var branding = new ChatBranding(
                content.AuthorName,
                content.Branding.Photo,
                content.Branding.AccentColor,
                content.Branding.Tagline,
                content.Website?.AbsoluteUri);
            context.Response.Headers.CacheControl = "public, max-age=300";
            return context.Response.WriteAsJsonAsync(branding, ChatPageJsonContext.Default.ChatBranding, cancellationToken: context.RequestAborted);
        });
        return endpoints;
    }
}
