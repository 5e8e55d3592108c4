using System.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AuthorBot.Bot.Tests.Telemetry;

/// <summary>What the running host exported through OpenTelemetry's in-memory exporters.</summary>
internal sealed class CapturedTelemetry
{
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];

    /// <summary>
    /// Exports the host's telemetry to memory: an exporter is what makes the host's tracer and meter providers exist,
    /// and they collect what the host configured for them.
    /// </summary>
    public void AddTo(WebApplicationBuilder builder) =>
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics));

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Collects the metrics now and returns the latest snapshot of each.</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics(IServiceProvider services)
    {
        Assert.True(services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "the metrics were not collected in time");
        lock (_metrics)
        {
            return [.. _metrics.GroupBy(m => m.Name).Select(g => g.Last())];
        }
    }

    /// <summary>The sum of a counter's points whose tags include all of <paramref name="tags"/>.</summary>
    public static long Sum(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumLong());

    /// <summary>The number of measurements of a histogram whose tags include all of <paramref name="tags"/>.</summary>
    public static long Count(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetHistogramCount());

    /// <summary>Every attribute (name and value) of every exported span and metric point, for scanning.</summary>
    public IEnumerable<string> EveryAttribute(IReadOnlyList<MetricSnapshot> metrics)
    {
        foreach (var span in Spans)
        {
            yield return span.DisplayName;
            yield return span.StatusDescription ?? string.Empty;
            foreach (var tag in span.TagObjects)
            {
                yield return $"{tag.Key}={tag.Value}";
            }

            foreach (var item in span.Baggage)
            {
                yield return $"{item.Key}={item.Value}";
            }

            foreach (var spanEvent in span.Events)
            {
                yield return spanEvent.Name;
                foreach (var tag in spanEvent.Tags)
                {
                    yield return $"{tag.Key}={tag.Value}";
                }
            }
        }

        foreach (var metric in metrics)
        {
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    yield return $"{metric.Name}:{tag.Key}={tag.Value}";
                }
            }
        }
    }

    private static IEnumerable<MetricPoint> Points(IReadOnlyList<MetricSnapshot> metrics, string name, (string Key, object Value)[] tags)
    {
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (tags.All(t => pointTags.TryGetValue(t.Key, out var value) && Equals(value, t.Value)))
                {
                    yield return point;
                }
            }
        }
    }
}
