using System.Net;
using Polly;
using Polly.Retry;

namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// The retry policy of Connector calls: 429, 412, 502 and 504 are retried (Teams documents these as transient)
/// after max(Retry-After, jittered exponential backoff), capped, for a bounded number of attempts.
/// </summary>
internal static class ConnectorRetry
{
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(ConnectorClientOptions options, TimeProvider timeProvider)
    {
        if (options.MaxRetries <= 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is { } response && IsTransient(response.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    Delay(args.Outcome.Result, args.AttemptNumber, options, timeProvider.GetUtcNow(), Random.Shared.NextDouble())),
            })
            .Build();
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait before retry number <paramref name="attempt"/> + 1 (attempt 0 = after the first failure).</summary>
    /// <param name="response">The failed response (its Retry-After is honoured).</param>
    /// <param name="attempt">Zero-based attempt number.</param>
    /// <param name="options">Backoff settings.</param>
    /// <param name="now">Current time, for HTTP-date Retry-After values.</param>
    /// <param name="jitter">A number in [0, 1) that spreads retries of many callers.</param>
    public static TimeSpan Delay(HttpResponseMessage? response, int attempt, ConnectorClientOptions options, DateTimeOffset now, double jitter)
    {
        var exponent = Math.Min(attempt, 16);
        var backoff = options.BaseDelay * Math.Pow(2, exponent) * (0.8 + (0.4 * jitter));
        var retryAfter = RetryAfter(response, now);
        var delay = retryAfter > backoff ? retryAfter : backoff;
        return delay > options.MaxDelay ? options.MaxDelay : delay;
    }

    /// <summary>The Retry-After of <paramref name="response"/> as a wait (seconds or HTTP date); zero when absent or past.</summary>
    public static TimeSpan RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return TimeSpan.Zero;
    }
}
