using System.Text.Json;
using AuthorBot.Bot.Announcements;
using AuthorBot.Bot.Understanding;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Quiz;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Dashboard;

/// <summary>
/// The author's dashboard: <c>GET /dashboard</c> (the sign-in form, or the dashboard once signed in),
/// <c>POST /dashboard/signin</c> and <c>/dashboard/signout</c>, and its JSON under <c>/dashboard/api/</c>, all behind the
/// session cookie. Creating an announcement goes through the announcements API's own validation and planner; the missed
/// messages, their labels and the hand-off inbox go through the understanding API's handlers.
/// </summary>
internal static class DashboardEndpoints
{
    private const int MaxFormBytes = 4 * 1024;

    /// <summary>The reader a preview is rendered for: a made-up reader with every template field filled.</summary>
    private static ReaderProfile PreviewReader() => new()
    {
        Name = "Ada Lovelace",
        Interests = ["fantasy", "mystery"],
        TimeZone = "Europe/London",
        Locale = "en-GB",
    };

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dashboard", ShowAsync);
        endpoints.MapPost("/dashboard/signin", SignInAsync);
        endpoints.MapPost("/dashboard/signout", static context =>
        {
            DashboardSession.End(context);
            context.Response.Redirect("/dashboard");
            return Task.CompletedTask;
        });
        endpoints.MapGet("/dashboard/api/overview", static context => SignedInAsync(context, OverviewAsync));
        endpoints.MapGet("/dashboard/api/announcements/{id}", static context => SignedInAsync(context, AnnouncementAsync));
        endpoints.MapPost("/dashboard/api/announcements", static context => SignedInAsync(context, CreateAsync));
        endpoints.MapPost("/dashboard/api/announcements/preview", static context => SignedInAsync(context, PreviewAsync));
        endpoints.MapGet("/dashboard/api/misses", static context => SignedInAsync(context, static (c, _) => UnderstandingEndpoints.ListMissesAsync(c)));
        endpoints.MapPost("/dashboard/api/misses/{id}/label", static context => SignedInAsync(context, static (c, _) => UnderstandingEndpoints.LabelAsync(c)));
        endpoints.MapGet("/dashboard/api/intents", static context => SignedInAsync(context, static (c, _) => UnderstandingEndpoints.IntentsAsync(c)));
        endpoints.MapPost("/dashboard/api/author-chat", static context => SignedInAsync(context, static (c, _) => Writing.AuthorChatEndpoint.IssueAsync(c)));
        endpoints.MapGet("/dashboard/api/inbox", static context => SignedInAsync(context, static (c, _) => ListAllInboxAsync(c)));
        endpoints.MapPost("/dashboard/api/inbox/{id}/read", static context => SignedInAsync(context, static (c, _) => UnderstandingEndpoints.MarkReadAsync(c)));
        return endpoints;
    }

    private static async Task ShowAsync(HttpContext context)
    {
        var options = Options(context);
        context.Response.Headers.CacheControl = "no-store";
        if (DashboardSession.IsSignedIn(context, options.ApiKey, Now(context)))
        {
            var page = Path.Combine(context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootPath, "dashboard.html");
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(page, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await SignInPageAsync(context, StatusCodes.Status200OK, string.IsNullOrWhiteSpace(options.ApiKey) ? DashboardSession.CheckKey(null, null)!.Value.Message : null).ConfigureAwait(false);
    }

    private static async Task SignInAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType || context.Request.ContentLength is null or > MaxFormBytes)
        {
            await SignInPageAsync(context, StatusCodes.Status400BadRequest, "Sign in with the form on this page.").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var options = Options(context);
        if (DashboardSession.CheckKey(options.ApiKey, form["key"].ToString()) is { } refusal)
        {
            await SignInPageAsync(context, refusal.Status, refusal.Message).ConfigureAwait(false);
            return;
        }

        DashboardSession.Issue(context, options.ApiKey!, Now(context));
        // See Other: the browser follows with a GET, so a reload does not post the key again.
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = "/dashboard";
    }

    private static Task SignInPageAsync(HttpContext context, int status, string? error)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var author = context.RequestServices.GetRequiredService<AuthorContent>().AuthorName;
        return context.Response.WriteAsync(DashboardSignInPage.Render(author, error), context.RequestAborted);
    }

    private static async Task SignedInAsync(HttpContext context, Func<HttpContext, AnnouncementOptions, Task> handler)
    {
        var options = Options(context);
        context.Response.Headers.CacheControl = "no-store";
        if (!DashboardSession.IsSignedIn(context, options.ApiKey, Now(context)))
        {
            await ErrorAsync(context, StatusCodes.Status401Unauthorized, "Sign in at /dashboard first.").ConfigureAwait(false);
            return;
        }

        // Only JSON is accepted on the POSTs: a cross-site form cannot send it without a CORS preflight this host never
        // answers, on top of the SameSite=Strict cookie.
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await ErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "Send the request as application/json.").ConfigureAwait(false);
            return;
        }

        await handler(context, options).ConfigureAwait(false);
    }

    // The dashboard shows handled messages too (greyed, with when), so the author sees what a colleague already did.
    private static Task ListAllInboxAsync(HttpContext context)
    {
        context.Request.QueryString = new QueryString("?all=true");
        return UnderstandingEndpoints.ListInboxAsync(context);
    }

    private static async Task OverviewAsync(HttpContext context, AnnouncementOptions options)
    {
        var overview = await context.RequestServices.GetRequiredService<DashboardOverviewBuilder>().BuildAsync(context.RequestAborted).ConfigureAwait(false);
        await context.Response.WriteAsJsonAsync(overview, DashboardJsonContext.Default.DashboardOverview, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task AnnouncementAsync(HttpContext context, AnnouncementOptions options)
    {
        var id = context.Request.RouteValues["id"] as string ?? string.Empty;
        var store = context.RequestServices.GetRequiredService<AnnouncementStore>();
        var progress = await store.GetProgressAsync(id, Now(context), context.RequestAborted).ConfigureAwait(false);
        var definition = await store.GetDefinitionAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (progress is null || definition is null)
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, $"No announcement '{id}'.").ConfigureAwait(false);
            return;
        }

        var rows = await context.RequestServices.GetRequiredService<AnnouncementEngagementStore>().GetEngagementAsync(id, context.RequestAborted).ConfigureAwait(false);
        var results = AnnouncementResultsBuilder.Build(id, rows, definition.Variants?.Select(v => v.Id!).ToList());
        var variants = results.Variants
            .Select(v => new VariantRates(v.Variant, v.Targeted, v.Sent, Rate(v.Clicked, v.Sent, v.ClickRate), Rate(v.Replied, v.Sent, v.ReplyRate), Rate(v.Rsvped, v.Sent, v.RsvpRate)))
            .ToList();
        await context.Response.WriteAsJsonAsync(new DashboardAnnouncement(progress, variants, results.Comparisons), DashboardJsonContext.Default.DashboardAnnouncement, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }

    private static RateWithInterval Rate(int count, int of, double rate)
    {
        var (low, high) = WilsonInterval.Of(count, of);
        return new RateWithInterval(count, rate, low, high);
    }

    private static Task CreateAsync(HttpContext context, AnnouncementOptions options) => AnnouncementEndpoints.CreateAsync(context, options);

    private static async Task PreviewAsync(HttpContext context, AnnouncementOptions options)
    {
        AnnouncementRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, AnnouncementJsonContext.Default.AnnouncementRequest, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, AnnouncementJsonError.Describe(ex)).ConfigureAwait(false);
            return;
        }

        if (request is null)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "The body must be a JSON object.").ConfigureAwait(false);
            return;
        }

        // The same checks as creating it, so the preview shows the error the real request would get.
        if (AnnouncementValidator.Validate(request, Now(context), context.RequestServices.GetService<QuizBank>()) is { } invalid)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, invalid).ConfigureAwait(false);
            return;
        }

        var reader = PreviewReader();
        string? Fill(string? template) => template is null ? null : MessageTemplate.Render(template, reader);
        var previews = request.Variants!
            .Select(v => new AnnouncementPreview(
                v.Id!,
                Fill(v.Text),
                v.Card is not { } card ? null : new PreviewCard(Fill(card.Title), Fill(card.Subtitle), Fill(card.Text), card.ImageUrl, [.. (card.Buttons ?? []).Select(b => new PreviewButton(Fill(b.Title), b.Url))])))
            .ToList();
        await context.Response.WriteAsJsonAsync(previews, DashboardJsonContext.Default.ListAnnouncementPreview, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }

    private static Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message), DashboardJsonContext.Default.ApiError, cancellationToken: context.RequestAborted);
    }

    private static AnnouncementOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<AnnouncementOptions>>().Value;

    private static DateTimeOffset Now(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
}
