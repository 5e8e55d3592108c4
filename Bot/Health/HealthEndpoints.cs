using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuthorBot.Bot.Health;

/// <summary>
/// <c>/healthz/live</c>: the process answers (no checks; App Service restarts an instance that stops answering).
/// <c>/healthz/ready</c>: storage, the proactive database, the recommender model and the author's content are usable
/// (503 otherwise, with each check's status and reason in the body). <c>/healthz</c> is kept as an alias of live for
/// scripts written before the split.
/// </summary>
internal static class HealthEndpoints
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    public const string LegacyPath = "/healthz";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddAuthorBotHealthChecks(this IServiceCollection services)
    {
        var timeout = TimeSpan.FromSeconds(5);
        services.AddHealthChecks()
            .AddCheck<StateStorageHealthCheck>("storage", HealthStatus.Unhealthy, [ReadyTag], timeout)
            .AddCheck<ProactiveDatabaseHealthCheck>("proactive-database", HealthStatus.Unhealthy, [ReadyTag], timeout)
            .AddCheck<RecommenderHealthCheck>("recommender", HealthStatus.Unhealthy, [ReadyTag], timeout)
            .AddCheck<AuthorContentHealthCheck>("author-content", HealthStatus.Unhealthy, [ReadyTag], timeout);
        return services;
    }

    public static void MapAuthorBotHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        var live = new HealthCheckOptions { Predicate = static _ => false, ResponseWriter = WriteAsync };
        endpoints.MapHealthChecks(LegacyPath, live);
        endpoints.MapHealthChecks(LivePath, live);
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = static registration => registration.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        });
    }

    // Written by hand: the slim host has no reflection-based JSON, and the shape is small.
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var output = new MemoryStream();
        await using (output.ConfigureAwait(false))
        {
            var json = new Utf8JsonWriter(output);
            await using (json.ConfigureAwait(false))
            {
                json.WriteStartObject();
                json.WriteString("status", report.Status.ToString());
                json.WriteStartObject("checks");
                foreach (var (name, entry) in report.Entries)
                {
                    json.WriteStartObject(name);
                    json.WriteString("status", entry.Status.ToString());
                    json.WriteString("description", entry.Description);
                    json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            await context.Response.Body.WriteAsync(output.ToArray(), context.RequestAborted).ConfigureAwait(false);
        }
    }
}
