using System.Diagnostics;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Diagnostics;

/// <summary>
/// Wraps an <see cref="IStorage"/> so each read, write and delete is a span and a duration measurement (operation,
/// provider, key count, outcome). Keys name readers and conversations, so they are never recorded.
/// </summary>
internal sealed class InstrumentedStorage : IStorage, IDisposable
{
    private const string Ok = "ok";

    private readonly IStorage _inner;
    private readonly bool _ownsInner;
    private readonly string _provider;

    public InstrumentedStorage(IStorage inner, bool ownsInner)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _ownsInner = ownsInner;
        _provider = inner switch
        {
            SqliteStorage => "sqlite",
            MemoryStorage => "memory",
            PostgresStorage => "postgres",
            _ => inner.GetType().Name,
        };
    }

    /// <summary>The wrapped store.</summary>
    public IStorage Inner => _inner;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var operation = Start("read", "storage read", keys.Length);
        try
        {
            var result = await _inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
            Stop(operation, Ok);
            return result;
        }
        catch (Exception ex)
        {
            Stop(operation, Classify(ex));
            throw;
        }
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var operation = Start("write", "storage write", changes.Count);
        try
        {
            await _inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            Stop(operation, Ok);
        }
        catch (Exception ex)
        {
            Stop(operation, Classify(ex));
            throw;
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var operation = Start("delete", "storage delete", keys.Length);
        try
        {
            await _inner.DeleteAsync(keys, cancellationToken).ConfigureAwait(false);
            Stop(operation, Ok);
        }
        catch (Exception ex)
        {
            Stop(operation, Classify(ex));
            throw;
        }
    }

    public void Dispose()
    {
        if (_ownsInner && _inner is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private static string Classify(Exception exception) => exception switch
    {
        StorageConcurrencyException => "conflict",
        OperationCanceledException => "cancelled",
        _ => "error",
    };

    private Operation Start(string name, string spanName, int keys)
    {
        var span = BotTelemetry.Source.StartActivity(spanName, ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TelemetryAttributes.StorageOperation, name);
            span.SetTag(TelemetryAttributes.StorageProvider, _provider);
            span.SetTag(TelemetryAttributes.StorageKeys, keys);
        }

        return new Operation(name, span, Stopwatch.GetTimestamp());
    }

    private void Stop(Operation operation, string outcome)
    {
        if (BotTelemetry.StorageDuration.Enabled)
        {
            BotTelemetry.StorageDuration.Record(
                Stopwatch.GetElapsedTime(operation.Started).TotalSeconds,
                new TagList
                {
                    { TelemetryAttributes.StorageOperation, operation.Name },
                    { TelemetryAttributes.StorageProvider, _provider },
                    { TelemetryAttributes.StorageOutcome, outcome },
                });
        }

        if (operation.Span is not { } span)
        {
            return;
        }

        span.SetTag(TelemetryAttributes.StorageOutcome, outcome);
        if (outcome != Ok)
        {
            span.SetStatus(ActivityStatusCode.Error);
        }

        span.Dispose();
    }

    private readonly record struct Operation(string Name, Activity? Span, long Started);
}
