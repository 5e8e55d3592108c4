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
    /// <c>{origin}{prefix}</c>): tokens, conversations, activities, upload, uploaded files and the WebSocket stream,
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
        group.MapGet("/conversations/{conversationId}", Handler(context => handler.ReconnectAsync(context, routePrefix, ConversationId(context))));
        group.MapGet("/conversations/{conversationId}/activities", Handler(context => handler.GetActivitiesAsync(context, ConversationId(context))));
        group.MapPost("/conversations/{conversationId}/activities", Handler(context => handler.PostActivityAsync(context, ConversationId(context))));
        group.MapPost("/conversations/{conversationId}/upload", Handler(context => handler.UploadAsync(context, routePrefix, ConversationId(context))))
            .DisableAntiforgery();
        group.MapGet("/attachments/{attachmentId}", context => handler.GetAttachmentAsync(context, context.Request.RouteValues["attachmentId"] as string ?? string.Empty));
        group.Map("/conversations/{conversationId}/stream", context => handler.StreamAsync(context, ConversationId(context)));
        group.MapMethods("/{**path}", [HttpMethods.Options], context => handler.Preflight(context).ExecuteAsync(context));
        return group;
    }

    // Plain RequestDelegates that execute the IResult themselves: parameter-binding lambdas would make ASP.NET Core
    // compile expression trees for every route when the first request arrives, which costs start-up time and memory.
    private static RequestDelegate Handler(Func<HttpContext, Task<IResult>> handler) => async context =>
    {
        var result = await handler(context).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    };

    private static string ConversationId(HttpContext context) =>
        context.Request.RouteValues["conversationId"] as string ?? string.Empty;
}
