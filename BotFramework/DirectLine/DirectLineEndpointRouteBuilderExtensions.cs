using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>Maps the self-hosted Direct Line 3.0 routes.</summary>
public static class DirectLineEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Direct Line 3.0 API under <paramref name="prefix"/> (Web Chat's <c>domain</c> is
    /// <c>{origin}{prefix}</c>): tokens, conversations, activities, upload and the WebSocket stream,
    /// with their CORS preflights. On a <see cref="WebApplication"/> it also adds the WebSocket
    /// middleware; other hosts must call <c>UseWebSockets()</c> themselves. Needs
    /// <see cref="DirectLineServiceCollectionExtensions.AddDirectLine"/>.
    /// </summary>
    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder endpoints, string prefix = "/v3/directline")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var routePrefix = "/" + prefix.Trim('/');
        if (endpoints is IApplicationBuilder application)
        {
            // Without it HttpContext.WebSockets never sees an upgrade; adding it twice is harmless.
            application.UseWebSockets();
        }

        var handler = endpoints.ServiceProvider.GetRequiredService<DirectLineRequestHandler>();
        var group = endpoints.MapGroup(routePrefix);
        group.MapPost("/tokens/generate", Handler(handler.GenerateTokenAsync));
        group.MapPost("/tokens/refresh", Handler(handler.RefreshTokenAsync));
        group.MapPost("/conversations", Handler(context => handler.StartConversationAsync(context, routePrefix)));
        group.MapGet("/conversations/{conversationId}", (HttpContext context, string conversationId) => handler.ReconnectAsync(context, routePrefix, conversationId));
        group.MapGet("/conversations/{conversationId}/activities", (HttpContext context, string conversationId) => handler.GetActivitiesAsync(context, conversationId));
        group.MapPost("/conversations/{conversationId}/activities", (HttpContext context, string conversationId) => handler.PostActivityAsync(context, conversationId));
        group.MapPost("/conversations/{conversationId}/upload", (HttpContext context, string conversationId) => handler.UploadAsync(context, conversationId))
            .DisableAntiforgery();
        group.Map("/conversations/{conversationId}/stream", (HttpContext context, string conversationId) => handler.StreamAsync(context, conversationId));
        group.MapMethods("/{**path}", [HttpMethods.Options], (HttpContext context) => handler.Preflight(context));
        return group;
    }

    // A handler taking only HttpContext would bind as a RequestDelegate and drop its IResult;
    // typed as Delegate it goes through the route-handler path, which writes the result.
    private static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;
}
