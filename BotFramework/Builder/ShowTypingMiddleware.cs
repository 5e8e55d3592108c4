using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder;

/// <summary>
/// Shows a typing indicator while the bot works on a message: after <c>delay</c> it sends a <c>typing</c> activity,
/// then one every <c>period</c>, until the turn ends. Fast turns send none; expectReplies turns send none (typing in
/// a buffered answer is meaningless).
/// </summary>
public class ShowTypingMiddleware : IMiddleware
{
    private readonly TimeSpan _delay;
    private readonly TimeSpan _period;

    /// <summary>Creates the middleware (Bot Builder defaults: 500 ms delay, 2 s period).</summary>
    public ShowTypingMiddleware(int delay = 500, int period = 2000)
        : this(TimeSpan.FromMilliseconds(delay), TimeSpan.FromMilliseconds(period))
    {
    }

    /// <summary>Creates the middleware.</summary>
    public ShowTypingMiddleware(TimeSpan delay, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _delay = delay;
        _period = period;
    }

    /// <inheritdoc/>
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!string.Equals(activity.Type, ActivityTypes.Message, StringComparison.Ordinal)
            || string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = SendTypingAsync(turnContext, stop.Token);
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await typing.ConfigureAwait(false);
        }
    }

    private async Task SendTypingAsync(ITurnContext turnContext, CancellationToken stop)
    {
        try
        {
            await Task.Delay(_delay, stop).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                var typing = new Activity(ActivityTypes.Typing).ApplyConversationReference(turnContext.Activity.GetConversationReference());

                // Straight to the adapter: a typing indicator is not a response and must not set Responded.
                await turnContext.Adapter.SendActivitiesAsync(turnContext, [typing], stop).ConfigureAwait(false);
                await Task.Delay(_period, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The turn ended.
        }
        catch (Exception)
        {
            // A typing indicator that cannot be delivered must not fail the turn; the reply will surface real errors.
        }
    }
}
