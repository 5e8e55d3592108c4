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
        var drainLimit = endpoints.ServiceProvider.GetRequiredService<DirectLineOptions>().MaxUploadBytes;

        // Plain RequestDelegates that execute the IResult themselves: parameter-binding lambdas would make ASP.NET Core
        // compile expression trees for every route when the first request arrives, which costs start-up time and memory.
        RequestDelegate Handler(Func<HttpContext, Task<IResult>> handle) => async context =>
        {
            var result = await handle(context).ConfigureAwait(false);
            if (result is IStatusCodeHttpResult { StatusCode: >= 400 })
            {
                await DrainAsync(context, drainLimit).ConfigureAwait(false);
            }

            await result.ExecuteAsync(context).ConfigureAwait(false);
        };

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

    /// <summary>
    /// Reads what is left of a refused request's body (up to <paramref name="limit"/> bytes) before the answer goes out.
    /// Left to the server, the body is drained only for five seconds, and on a busy machine a client still sending an
    /// upload then sees its connection reset instead of the 4xx that says why.
    /// </summary>
    private static async Task DrainAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength is { } length && (length <= 0 || length > limit))
        {
            return;
        }

        try
        {
            var buffer = new byte[16 * 1024];
            long read = 0;
            int chunk;
            while (read <= limit && (chunk = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                read += chunk;
            }
        }
        catch (Exception exception) when (exception is BadHttpRequestException or IOException or OperationCanceledException or InvalidOperationException)
        {
            // Gone, too slow, or already consumed elsewhere: the answer goes out as it is.
        }
    }

    private static string ConversationId(HttpContext context) =>
        context.Request.RouteValues["conversationId"] as string ?? string.Empty;
}
