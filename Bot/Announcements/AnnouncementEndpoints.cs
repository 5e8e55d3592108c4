using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.Dialogs.Quiz;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// <c>POST /api/announcements</c>, <c>GET /api/announcements/{id}</c> (progress), <c>DELETE /api/announcements/{id}</c>
/// (cancel what is unsent), <c>GET /api/announcements/{id}/results</c> (engagement and A/B test) and
/// <c>GET /api/quiz/questions</c> (what a question of the week's <c>quizQuestionId</c> may name), all behind the bearer
/// key; and the public click redirect <c>GET /r/{token}</c>. Plain request delegates with source-generated JSON, so
/// malformed input gets a 400 that says what is wrong rather than a framework error page.
/// </summary>
internal static partial class AnnouncementEndpoints
{
    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/announcements", static context => WithKeyAsync(context, CreateAsync));
        endpoints.MapGet("/api/announcements/{id}", static context => WithKeyAsync(context, ProgressAsync));
        endpoints.MapDelete("/api/announcements/{id}", static context => WithKeyAsync(context, CancelAsync));
        endpoints.MapGet("/api/announcements/{id}/results", static context => WithKeyAsync(context, ResultsAsync));
        endpoints.MapGet("/api/quiz/questions", static context => WithKeyAsync(context, QuizQuestionsAsync));
        endpoints.MapGet("/r/{token}", RedirectAsync);
        return endpoints;
    }

    private static async Task WithKeyAsync(HttpContext context, Func<HttpContext, AnnouncementOptions, Task> handler)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<AnnouncementOptions>>().Value;
        if (ApiKeyCheck.Check(options.ApiKey, context.Request.Headers.Authorization.ToString()) is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            await WriteErrorAsync(context, refusal.Status, refusal.Message).ConfigureAwait(false);
            return;
        }

        await handler(context, options).ConfigureAwait(false);
    }

    /// <summary>Creates an announcement from the JSON body; the dashboard calls it too, behind its own sign-in.</summary>
    internal static async Task CreateAsync(HttpContext context, AnnouncementOptions options)
    {
        var body = await ReadBodyAsync(context, options.MaxRequestBytes).ConfigureAwait(false);
        if (body.Error is not null)
        {
            await WriteErrorAsync(context, body.Status, body.Error).ConfigureAwait(false);
            return;
        }

        AnnouncementRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body.Bytes, AnnouncementJsonContext.Default.AnnouncementRequest);
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, AnnouncementJsonError.Describe(ex)).ConfigureAwait(false);
            return;
        }

        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        if (request is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The body must be a JSON object.").ConfigureAwait(false);
            return;
        }

        if (AnnouncementValidator.Validate(request, time.GetUtcNow(), context.RequestServices.GetService<QuizBank>()) is { } invalid)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, invalid).ConfigureAwait(false);
            return;
        }

        request.BaseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
        var planner = context.RequestServices.GetRequiredService<AnnouncementPlanner>();
        var (id, _, error) = await planner.CreateAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (id is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, error ?? "The announcement could not be created.").ConfigureAwait(false);
            return;
        }

        context.RequestServices.GetRequiredService<DeliveryEngine>().Wake();
        var progress = await context.RequestServices.GetRequiredService<AnnouncementStore>().GetProgressAsync(id, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers.Location = "/api/announcements/" + id;
        await WriteAsync(context, StatusCodes.Status201Created, progress!).ConfigureAwait(false);
    }

    private static async Task ProgressAsync(HttpContext context, AnnouncementOptions options)
    {
        var id = context.Request.RouteValues["id"] as string ?? string.Empty;
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var progress = await context.RequestServices.GetRequiredService<AnnouncementStore>().GetProgressAsync(id, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        await (progress is null ? NotFoundAsync(context, id) : WriteAsync(context, StatusCodes.Status200OK, progress)).ConfigureAwait(false);
    }

    private static async Task CancelAsync(HttpContext context, AnnouncementOptions options)
    {
        var id = context.Request.RouteValues["id"] as string ?? string.Empty;
        var store = context.RequestServices.GetRequiredService<AnnouncementStore>();
        if (await store.CancelAsync(id, context.RequestAborted).ConfigureAwait(false) is null)
        {
            await NotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        context.RequestServices.GetRequiredService<DeliveryEngine>().Cancelled(id);
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var progress = await store.GetProgressAsync(id, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, progress!).ConfigureAwait(false);
    }

    /// <summary>The reader quiz's questions, whose ids an announcement's <c>quizQuestionId</c> names.</summary>
    private static Task QuizQuestionsAsync(HttpContext context, AnnouncementOptions options)
    {
        var bank = context.RequestServices.GetRequiredService<QuizBank>();
        var listing = bank.Questions.Select(q => new QuizQuestionListing(q.Id, q.Text, q.Choices, q.Answer)).ToList();
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, listing, AnnouncementJsonContext.Default.ListQuizQuestionListing, context.RequestAborted);
    }

    private static async Task ResultsAsync(HttpContext context, AnnouncementOptions options)
    {
        var id = context.Request.RouteValues["id"] as string ?? string.Empty;
        var definition = await context.RequestServices.GetRequiredService<AnnouncementStore>().GetDefinitionAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (definition is null)
        {
            await NotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        var rows = await context.RequestServices.GetRequiredService<AnnouncementEngagementStore>().GetEngagementAsync(id, context.RequestAborted).ConfigureAwait(false);
        var results = AnnouncementResultsBuilder.Build(id, rows, definition.Variants?.Select(v => v.Id!).ToList());
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, results, AnnouncementJsonContext.Default.AnnouncementResults, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task RedirectAsync(HttpContext context)
    {
        var token = context.Request.RouteValues["token"] as string ?? string.Empty;
        var url = TokenPattern().IsMatch(token)
            ? await context.RequestServices.GetRequiredService<AnnouncementEngagementStore>()
                .RecordClickAsync(token, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), context.RequestAborted).ConfigureAwait(false)
            : null;
        if (url is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("This link is not known here (it may have been removed with the reader's data).", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(url);
    }

    private static async Task<(byte[] Bytes, int Status, string? Error)> ReadBodyAsync(HttpContext context, int maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return ([], StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return ([], StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? ([], StatusCodes.Status400BadRequest, "The body is empty; send the announcement as JSON.")
            : (buffer.ToArray(), StatusCodes.Status200OK, null);
    }

    private static Task NotFoundAsync(HttpContext context, string id) =>
        WriteErrorAsync(context, StatusCodes.Status404NotFound, $"No announcement '{id}'.");

    private static Task WriteAsync(HttpContext context, int status, AnnouncementProgress progress)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, progress, AnnouncementJsonContext.Default.AnnouncementProgress, context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new ApiError(message), AnnouncementJsonContext.Default.ApiError, context.RequestAborted);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex TokenPattern();
}
