using Microsoft.Identity.Client;
using Polly;
using Polly.Retry;

namespace AuthorBot.BotFramework.Auth;

/// <summary>How token requests are retried: transient failures only, jittered exponential backoff, Retry-After honoured.</summary>
internal sealed record OutboundTokenRetry
{
    /// <summary>Retries after the first attempt (so 4 attempts in all).</summary>
    public int MaxRetries { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One token request gives up after this long (MSAL's HTTP default would wait 100 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Builds the pipeline; <paramref name="onRetry"/> hears of each failure that is retried.</summary>
    public ResiliencePipeline CreatePipeline(TimeProvider timeProvider, Action<TokenFailure, int, TimeSpan> onRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetries,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is { } ex && TokenFailure.From(ex).IsTransient),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.Outcome.Exception, args.AttemptNumber, Random.Shared.NextDouble())),
                OnRetry = args =>
                {
                    onRetry(TokenFailure.From(args.Outcome.Exception!), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(AttemptTimeout).Build();
    }

    /// <summary>The wait before retry <paramref name="attempt"/> + 1: max(Retry-After, jittered 2^attempt × base), capped.</summary>
    public TimeSpan Delay(Exception? failure, int attempt, double jitter)
    {
        var backoff = BaseDelay * Math.Pow(2, Math.Min(attempt, 16)) * (0.8 + (0.4 * jitter));
        var retryAfter = (failure as MsalServiceException)?.Headers?.RetryAfter is { } header
            ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.Zero)
            : TimeSpan.Zero;
        var delay = retryAfter > backoff ? retryAfter : backoff;
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
