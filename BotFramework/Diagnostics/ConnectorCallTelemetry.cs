using System.Diagnostics;
using System.Net;

namespace AuthorBot.BotFramework.Diagnostics;

/// <summary>
/// One logical Bot Connector call as telemetry: a client span named by the operation's path template (ids replaced by
/// <c>{id}</c>, so no conversation or member id leaves), the HTTP attempts its retries made, how many the channel
/// throttled (429), and the final status; plus the call count, duration and 429 count metrics.
/// </summary>
internal sealed class ConnectorCallTelemetry : IDisposable
{
    private readonly Activity? _span;
    private readonly string _operation;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _attempts;
    private int _throttled;
    private int? _status;
    private string? _error;

    private ConnectorCallTelemetry(Activity? span, string operation)
    {
        _span = span;
        _operation = operation;
    }

    public static ConnectorCallTelemetry Start(HttpMethod method, string relativePath, Uri uri)
    {
        var operation = method.Method + " " + TelemetryRedaction.PathTemplate(relativePath);
        var span = BotTelemetry.Source.StartActivity("connector " + operation, ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TelemetryAttributes.ConnectorOperation, operation);
            span.SetTag(TelemetryAttributes.ServerAddress, uri.Host);
        }

        return new ConnectorCallTelemetry(span, operation);
    }

    /// <summary>One HTTP attempt came back with <paramref name="status"/>.</summary>
    public void Attempted(HttpStatusCode status)
    {
        _attempts++;
        if (status == HttpStatusCode.TooManyRequests)
        {
            _throttled++;
            if (BotTelemetry.ConnectorThrottled.Enabled)
            {
                BotTelemetry.ConnectorThrottled.Add(1, new KeyValuePair<string, object?>(TelemetryAttributes.ConnectorOperation, _operation));
            }
        }
    }

    /// <summary>The call ended with <paramref name="status"/> after its retries.</summary>
    public void Completed(HttpStatusCode status) => _status = (int)status;

    /// <summary>The call ended without an answer (unreachable, timed out).</summary>
    public void Failed(string errorType) => _error = errorType;

    public void Dispose()
    {
        // Neither completed nor failed: something else threw (no token, untrusted service URL, rate limit queue full).
        var error = _status is null ? _error ?? "exception" : _status >= 400 ? _status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        var tags = new TagList
        {
            { TelemetryAttributes.ConnectorOperation, _operation },
            { TelemetryAttributes.HttpStatusCode, _status },
        };
        if (error is not null)
        {
            tags.Add(TelemetryAttributes.ErrorType, error);
        }

        if (BotTelemetry.ConnectorCalls.Enabled)
        {
            BotTelemetry.ConnectorCalls.Add(1, tags);
        }

        if (BotTelemetry.ConnectorDuration.Enabled)
        {
            BotTelemetry.ConnectorDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }

        if (_span is null)
        {
            return;
        }

        if (_span.IsAllDataRequested)
        {
            _span.SetTag(TelemetryAttributes.HttpStatusCode, _status);
            _span.SetTag(TelemetryAttributes.ConnectorAttempts, _attempts);
            _span.SetTag(TelemetryAttributes.ConnectorThrottled, _throttled);
            if (error is not null)
            {
                _span.SetTag(TelemetryAttributes.ErrorType, error);
                _span.SetStatus(ActivityStatusCode.Error);
            }
        }

        _span.Dispose();
    }
}
