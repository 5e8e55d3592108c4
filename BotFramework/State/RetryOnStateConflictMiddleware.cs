using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.State;

/// <summary>
/// Re-runs the rest of the turn when saving state hits an ETag conflict, with fresh state each time (bounded attempts,
/// jittered delay), so two writers to one reader (two instances sharing a store, or a write from outside the turn) both
/// land instead of one ending in the apology. A retried turn usually says what it said before: replies identical to
/// the ones the previous attempt already sent, in the same order, are not sent again. Within a process, prefer
/// <see cref="TurnSerializationMiddleware"/> in front of it, which removes most conflicts. After the last attempt the
/// conflict is rethrown, never swallowed.
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
        var replies = new RepeatedReplies();
        turnContext.OnSendActivities(replies.SendAsync);
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

                replies.StartAttempt();

                // Jitter spreads the retries of the racing turns apart so they don't collide again in lockstep.
                var ceiling = BaseDelay.TotalMilliseconds * (1 << Math.Min(attempt - 1, 10));
                var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>What earlier attempts sent, so a retry does not send the same replies twice.</summary>
    private sealed class RepeatedReplies
    {
        private readonly List<string> _sent = [];
        private int _replayed;
        private bool _diverged = true;

        public void StartAttempt()
        {
            _replayed = 0;
            _diverged = false;
        }

        public async Task<ResourceResponse[]> SendAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
        {
            var results = new ResourceResponse[activities.Count];
            var keep = new List<(int Index, Activity Activity, string Fingerprint)>(activities.Count);
            for (var i = 0; i < activities.Count; i++)
            {
                var fingerprint = Fingerprint(activities[i]);
                if (!_diverged && _replayed < _sent.Count && _sent[_replayed] == fingerprint)
                {
                    // Already said by the attempt that lost the race.
                    _replayed++;
                    results[i] = new ResourceResponse();
                    continue;
                }

                _diverged = true;
                keep.Add((i, activities[i], fingerprint));
            }

            if (keep.Count == 0)
            {
                return results;
            }

            activities.Clear();
            activities.AddRange(keep.Select(k => k.Activity));
            var sent = await next().ConfigureAwait(false);
            for (var j = 0; j < keep.Count; j++)
            {
                results[keep[j].Index] = j < sent.Length ? sent[j] : new ResourceResponse();
                _sent.Add(keep[j].Fingerprint);
            }

            return results;
        }

        private static string Fingerprint(Activity activity)
        {
            var (id, timestamp, localTimestamp) = (activity.Id, activity.Timestamp, activity.LocalTimestamp);
            (activity.Id, activity.Timestamp, activity.LocalTimestamp) = (null, null, null);
            try
            {
                return BotJson.Serialize(activity);
            }
            finally
            {
                (activity.Id, activity.Timestamp, activity.LocalTimestamp) = (id, timestamp, localTimestamp);
            }
        }
    }
}
