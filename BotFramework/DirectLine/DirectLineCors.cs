using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// CORS for the Direct Line routes, applied by the endpoints themselves so the host needs no
/// <c>UseCors()</c>. Web Chat preflights every call (it sends Authorization, x-ms-bot-agent and
/// X-Requested-With), and Retry-After must be exposed for its 429 handling to see it.
/// </summary>
internal sealed class DirectLineCors(ICorsService cors, DirectLineOptions options)
{
    private readonly CorsPolicy? _policy = BuildPolicy(options.AllowedOrigins);

    /// <summary>Adds the CORS response headers for an actual (non-preflight) request from an allowed origin.</summary>
    public void Apply(HttpContext context)
    {
        if (_policy is null || !context.Request.Headers.ContainsKey("Origin"))
        {
            return;
        }

        cors.ApplyResult(cors.EvaluatePolicy(context, _policy), context.Response);
    }

    /// <summary>Answers a preflight: 204 with the allow headers when the origin is allowed, 204 without them otherwise.</summary>
    public IResult Preflight(HttpContext context)
    {
        if (_policy is not null)
        {
            cors.ApplyResult(cors.EvaluatePolicy(context, _policy), context.Response);
        }

        return Results.NoContent();
    }

    private static CorsPolicy? BuildPolicy(IList<string> origins)
    {
        var cleaned = origins.Select(o => o.Trim().TrimEnd('/')).Where(o => o.Length > 0).ToArray();
        if (cleaned.Length == 0)
        {
            return null;
        }

        var builder = new CorsPolicyBuilder()
            .WithHeaders("authorization", "content-type", "x-ms-bot-agent", "x-requested-with", "accept")
            .WithMethods("GET", "POST")
            .WithExposedHeaders("Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        if (cleaned.Contains("*"))
        {
            builder.AllowAnyOrigin();
        }
        else
        {
            builder.WithOrigins(cleaned);
        }

        return builder.Build();
    }
}
