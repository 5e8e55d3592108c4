using System.Diagnostics;
using AuthorBot.BotFramework.Diagnostics;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AuthorBot.Bot.Telemetry;

/// <summary>
/// Collects AuthorBot's spans and metrics with OpenTelemetry and exports them where the configuration says:
/// Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, an OTLP collector when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (both may be), a Prometheus scrape at <c>/metrics</c> with
/// <c>Telemetry:Prometheus=true</c>, and nothing otherwise: with no exporter no OpenTelemetry provider is registered, so
/// nothing is recorded only to be dropped. <c>Telemetry:Enabled=false</c> turns collection off.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    public const string EnabledSetting = "Telemetry:Enabled";
    public const string PrometheusSetting = "Telemetry:Prometheus";
    public const string ServiceNameSetting = "Telemetry:ServiceName";
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string PrometheusPath = "/metrics";

    public static IServiceCollection AddAuthorBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddBotFrameworkTelemetry(configuration);
        if (!configuration.GetValue(EnabledSetting, true))
        {
            return services;
        }

        // What is collected, and how it is redacted, applies to whichever provider exists: the ones below when an
        // exporter is configured, or one a test adds around its own in-memory exporter.
        var serviceName = string.IsNullOrWhiteSpace(configuration[ServiceNameSetting]) ? "AuthorBot" : configuration[ServiceNameSetting]!;
        services.AddSingleton<RecommenderModelAgeGauge>();
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .ConfigureResource(resource => resource.AddService(serviceName))
            .AddSource(BotTelemetry.SourceName, AuthorBotTelemetry.SourceName)
            .AddAspNetCoreInstrumentation(options =>
            {
                // Probes and the chat page's files are noise; Direct Line URLs carry conversation ids, so the
                // recorded path is the route's template.
                options.Filter = context => !IsQuiet(context.Request.Path);
                options.EnrichWithHttpResponse = static (span, response) => RedactRequest(span, response.HttpContext);
            })
            .AddHttpClientInstrumentation(options =>
                options.EnrichWithHttpRequestMessage = static (span, request) => RedactOutgoing(span, request)));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .ConfigureResource(resource => resource.AddService(serviceName))
            .AddMeter(BotTelemetry.MeterName, AuthorBotTelemetry.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddInstrumentation(provider => provider.GetRequiredService<RecommenderModelAgeGauge>()));

        var applicationInsights = !string.IsNullOrWhiteSpace(configuration[ApplicationInsightsSetting]);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        var prometheus = configuration.GetValue(PrometheusSetting, false);
        if (!applicationInsights && !otlp && !prometheus)
        {
            // Nothing would leave the process, so no provider listens: AuthorBot's sources then start no spans and its
            // instruments stay disabled, and a turn pays nothing for telemetry it would throw away.
            return services;
        }

        var telemetry = services.AddOpenTelemetry().WithMetrics();
        if (applicationInsights || otlp)
        {
            // Logs leave the process only towards an exporter, and only after their ids are hashed.
            telemetry.WithTracing()
                .WithLogging(logging => logging.AddProcessor(provider => new LogRecordScrubber(provider.GetRequiredService<TelemetryIdHasher>())));
        }

        if (applicationInsights)
        {
            telemetry.UseAzureMonitor(options => options.ConnectionString = configuration[ApplicationInsightsSetting]);
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (prometheus)
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        }

        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint when <c>Telemetry:Prometheus=true</c>.</summary>
    public static void MapPrometheusWhenEnabled(this WebApplication app)
    {
        if (app.Configuration.GetValue(EnabledSetting, true) && app.Configuration.GetValue(PrometheusSetting, false))
        {
            app.MapPrometheusScrapingEndpoint(PrometheusPath);
        }
    }

    private static bool IsQuiet(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(PrometheusPath, StringComparison.OrdinalIgnoreCase)
        || !(path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
             || path.StartsWithSegments("/v3", StringComparison.OrdinalIgnoreCase)
             || path.StartsWithSegments("/r", StringComparison.OrdinalIgnoreCase));

    private static void RedactRequest(Activity span, HttpContext context)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        span.SetTag("url.path", route ?? TelemetryRedaction.PathTemplate(context.Request.Path.Value ?? string.Empty));
        span.SetTag("url.query", null);
        span.SetTag("client.address", null);
        span.SetTag("network.peer.address", null);
    }

    private static void RedactOutgoing(Activity span, HttpRequestMessage request)
    {
        if (request.RequestUri is { } uri)
        {
            span.SetTag("url.full", TelemetryRedaction.UrlTemplate(uri));
        }
    }
}
