using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.State;

/// <summary>
/// Re-runs the rest of the turn when saving state hits an ETag conflict, with fresh state each time (bounded attempts,
/// jittered delay). Caution: a retried turn sends its replies again, so prefer <see cref="TurnSerializationMiddleware"/>
/// within a process and use this only for bots whose turns are idempotent or reply-free (e.g. event handlers),
/// or when several processes share one store. After the last attempt the conflict is rethrown, never swallowed.
/// </summary>
public class RetryOnStateConflictMiddleware : IMiddleware
{
    private readonly BotState[] _states;

    /// <summary>Creates the middleware.</summary>
    /// <param name="botStates">The states whose cached copies are dropped before each retry.</param>
    public RetryOnStateConflictMiddleware(params BotState[] botStates)
    {
        ArgumentNullException.ThrowIfNull(botStates);
        _states = [.. botStates];
    }

    /// <summary>Attempts in total, including the first. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Upper bound of the random delay before a retry, doubled each attempt. Default 20 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await next(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                foreach (var state in _states)
                {
                    state.ForgetCachedState(turnContext);
                }

                // Jitter spreads the retries of the racing turns apart so they don't collide again in lockstep.
                var ceiling = BaseDelay.TotalMilliseconds * (1 << Math.Min(attempt - 1, 10));
                var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
