using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>Maps the self-hosted Direct Line 3.0 routes.</summary>
public static partial class DirectLineEndpointRouteBuilderExtensions
{
    private const long MinDrainBytes = 256L * 1024 * 1024;
    private static readonly TimeSpan _drainIdle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _drainTime = TimeSpan.FromSeconds(60);

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
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectLineRequestHandler).FullName!);

        // Plain RequestDelegates that execute the IResult themselves: parameter-binding lambdas would make ASP.NET Core
        // compile expression trees for every route when the first request arrives, which costs start-up time and memory.
        RequestDelegate Handler(Func<HttpContext, Task<IResult>> handle) => async context =>
        {
            var result = await handle(context).ConfigureAwait(false);

            // Whatever the answer, a body left unread makes the client see a reset instead of it; a body already read
            // (an accepted upload) costs one read that returns at once.
            await DrainAsync(context, drainLimit, logger).ConfigureAwait(false);

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
    /// Before any answer goes out, reads and discards what is left of the request's body, up to 256 MiB (or sixteen times
    /// the upload limit), while the client keeps sending (no read waits more than five seconds) and for at most a minute.
    /// Closing a connection with unread data makes TCP reset it, and a client still sending (a multi-megabyte upload
    /// refused by its length) then loses the 4xx that says why; the server's own drain gives up at its 30 MB body limit
    /// or after five seconds. (Answering first does not help: HttpClient then fails the send.) The limit is on silence,
    /// not on the whole drain: a fixed ten seconds can cut off a large upload that a heavily loaded machine is still
    /// sending steadily, and that client then sees a broken pipe instead of the 413.
    /// </summary>
    private static async Task DrainAsync(HttpContext context, long limit, ILogger logger)
    {
        if (context.Request.ContentLength is 0)
        {
            return;
        }

        var bound = Math.Max(limit * 16, MinDrainBytes);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit && sizeLimit.MaxRequestBodySize < bound)
        {
            // Unread yet (refused by its declared length): lift the server's cap so the drain is not refused in turn.
            sizeLimit.MaxRequestBodySize = bound;
        }

        long read = 0;
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            deadline.CancelAfter(_drainTime);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                int chunk;
                do
                {
                    idle.CancelAfter(_drainIdle);
                    chunk = await context.Request.Body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
                    read += chunk;
                }
                while (chunk > 0 && read <= bound);

                if (chunk > 0)
                {
                    LogDrainStopped(logger, context.Request.Path, read, "too much", TimeProvider.System.GetElapsedTime(started).TotalSeconds);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception exception) when (exception is BadHttpRequestException or IOException or OperationCanceledException or InvalidOperationException)
        {
            // Gone, too slow, too much, or already consumed elsewhere: the answer goes out as it is. A client that was
            // still sending will see a reset instead of the refusal, so say when and why it stopped.
            if (!context.RequestAborted.IsCancellationRequested)
            {
                LogDrainStopped(logger, context.Request.Path, read, exception.GetType().Name + ": " + exception.Message, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: stopped reading the rest of a request to {Path} before answering it, after {Bytes} bytes and {Seconds:F1} s ({Reason}); a client still sending sees a reset")]
    private static partial void LogDrainStopped(ILogger logger, PathString path, long bytes, string reason, double seconds);

    private static string ConversationId(HttpContext context) =>
        context.Request.RouteValues["conversationId"] as string ?? string.Empty;
}
