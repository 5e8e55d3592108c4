using System.Collections;

namespace AuthorBot.BotFramework.Builder;

/// <summary>An ordered set of middleware; each runs around the ones added after it and the bot.</summary>
public class MiddlewareSet : IMiddleware, IEnumerable<IMiddleware>
{
    // Replaced, never mutated, so a turn in flight keeps the list it started with.
    private IMiddleware[] _middleware = [];

    /// <summary>Appends middleware to the end of the pipeline.</summary>
    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware = [.. _middleware, middleware];
        return this;
    }

    /// <summary>Runs the set as one middleware step, then <paramref name="next"/>.</summary>
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        await ReceiveActivityWithStatusAsync(turnContext, null, cancellationToken).ConfigureAwait(false);
        await next(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs every middleware in order and then <paramref name="callback"/> (unless a middleware short-circuits).</summary>
    public Task ReceiveActivityWithStatusAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return RunAsync(_middleware, turnContext, callback, 0, cancellationToken);
    }

    /// <inheritdoc/>
    public IEnumerator<IMiddleware> GetEnumerator() => ((IEnumerable<IMiddleware>)_middleware).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static Task RunAsync(IMiddleware[] middleware, ITurnContext turnContext, BotCallbackHandler? callback, int index, CancellationToken cancellationToken)
    {
        if (index == middleware.Length)
        {
            return callback is null ? Task.CompletedTask : callback(turnContext, cancellationToken);
        }

        return middleware[index].OnTurnAsync(
            turnContext,
            ct => RunAsync(middleware, turnContext, callback, index + 1, ct),
            cancellationToken);
    }
}
