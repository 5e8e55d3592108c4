using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AuthorBot.Bot.Announcements;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Intents;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Understanding;

/// <summary>
/// The author's side of understanding, behind the same bearer key as the announcements API:
/// <c>GET /api/understanding/misses[?all=true]</c> (messages the bot did not understand), <c>PUT
/// /api/understanding/misses/{id}/label</c> with <c>{"intent": "..."}</c> (they train the classifier on the next start),
/// <c>GET /api/understanding/intents</c>, <c>GET /api/understanding/inbox[?all=true]</c> (messages readers handed off)
/// and <c>POST /api/understanding/inbox/{id}/read</c>.
/// </summary>
internal static class UnderstandingEndpoints
{
    private const int MaxListed = 500;

    public static IEndpointRouteBuilder MapUnderstanding(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/understanding/misses", static context => WithKeyAsync(context, ListMissesAsync));
        endpoints.MapPut("/api/understanding/misses/{id}/label", static context => WithKeyAsync(context, LabelAsync));
        endpoints.MapGet("/api/understanding/intents", static context => WithKeyAsync(context, IntentsAsync));
        endpoints.MapGet("/api/understanding/inbox", static context => WithKeyAsync(context, ListInboxAsync));
        endpoints.MapPost("/api/understanding/inbox/{id}/read", static context => WithKeyAsync(context, MarkReadAsync));
        return endpoints;
    }

    /// <summary>The intents a miss may be labelled with: the shipped ones and the author's questions.</summary>
    public static List<string> LabelIntents(AuthorContent content) => [.. ReaderIntents.Shipped, .. content.Faq.Select(f => f.Intent)];

    private static async Task WithKeyAsync(HttpContext context, Func<HttpContext, Task> handler)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<AnnouncementOptions>>().Value;
        if (ApiKeyCheck.Check(options.ApiKey, context.Request.Headers.Authorization.ToString()) is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            await ErrorAsync(context, refusal.Status, refusal.Message).ConfigureAwait(false);
            return;
        }

        await handler(context).ConfigureAwait(false);
    }

    internal static async Task ListMissesAsync(HttpContext context)
    {
        var misses = await context.RequestServices.GetRequiredService<MissStore>().ListAsync(All(context), MaxListed, context.RequestAborted).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, misses, UnderstandingJsonContext.Default.ListMissView).ConfigureAwait(false);
    }

    internal static async Task LabelAsync(HttpContext context)
    {
        if (!long.TryParse(context.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "The miss id must be a number.").ConfigureAwait(false);
            return;
        }

        LabelRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, UnderstandingJsonContext.Default.LabelRequest, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "The body must be {\"intent\": \"...\"}: " + ex.Message).ConfigureAwait(false);
            return;
        }

        var intents = LabelIntents(context.RequestServices.GetRequiredService<AuthorContent>());
        if (request?.Intent is not { Length: > 0 } intent || !intents.Contains(intent, StringComparer.Ordinal))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, $"\"intent\" must be one of: {string.Join(", ", intents)}.").ConfigureAwait(false);
            return;
        }

        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var labelled = await context.RequestServices.GetRequiredService<MissStore>().LabelAsync(id, intent, now, context.RequestAborted).ConfigureAwait(false);
        await (labelled is null
            ? ErrorAsync(context, StatusCodes.Status404NotFound, $"No miss {id}.")
            : WriteAsync(context, StatusCodes.Status200OK, labelled, UnderstandingJsonContext.Default.MissView)).ConfigureAwait(false);
    }

    internal static Task IntentsAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status200OK, new IntentList { Intents = LabelIntents(context.RequestServices.GetRequiredService<AuthorContent>()) }, UnderstandingJsonContext.Default.IntentList);

    internal static async Task ListInboxAsync(HttpContext context)
    {
        var messages = await context.RequestServices.GetRequiredService<AuthorInboxStore>().ListAsync(All(context), MaxListed, context.RequestAborted).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, messages, UnderstandingJsonContext.Default.ListInboxView).ConfigureAwait(false);
    }

    internal static async Task MarkReadAsync(HttpContext context)
    {
        if (!long.TryParse(context.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "The message id must be a number.").ConfigureAwait(false);
            return;
        }

        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var read = await context.RequestServices.GetRequiredService<AuthorInboxStore>().MarkReadAsync(id, now, context.RequestAborted).ConfigureAwait(false);
        await (read is null
            ? ErrorAsync(context, StatusCodes.Status404NotFound, $"No message {id}.")
            : WriteAsync(context, StatusCodes.Status200OK, read, UnderstandingJsonContext.Default.InboxView)).ConfigureAwait(false);
    }

    private static bool All(HttpContext context) =>
        string.Equals(context.Request.Query["all"], "true", StringComparison.OrdinalIgnoreCase);

    private static Task WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted);
    }

    private static Task ErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, new UnderstandingError { Error = message }, UnderstandingJsonContext.Default.UnderstandingError);
}
