using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder;

/// <summary>Connects a bot to a channel: runs turns through the middleware and delivers outgoing activities.</summary>
public abstract class BotAdapter
{
    /// <summary>TurnState key of the turn's <see cref="InvokeResponse"/> (Bot Builder's key, kept for familiarity).</summary>
    public const string InvokeResponseKey = "BotFrameworkAdapter.InvokeResponse";

    /// <summary>Called when the middleware or bot throws; when null the exception propagates to the caller.</summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    /// <summary>The adapter's middleware.</summary>
    public MiddlewareSet MiddlewareSet { get; } = new();

    /// <summary>Adds middleware that runs on every turn this adapter handles.</summary>
    public BotAdapter Use(IMiddleware middleware)
    {
        MiddlewareSet.Use(middleware);
        return this;
    }

    /// <summary>Delivers activities to the channel, in order.</summary>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken);

    /// <summary>Replaces an activity the bot sent earlier.</summary>
    public abstract Task<ResourceResponse?> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    /// <summary>Deletes the activity named by <paramref name="reference"/>.ActivityId.</summary>
    public abstract Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a proactive turn in an existing conversation: <paramref name="callback"/> gets a turn whose activity is
    /// the <c>ContinueConversation</c> event built from <paramref name="reference"/>, so what it sends goes to that conversation.
    /// </summary>
    public virtual async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var context = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the middleware and then <paramref name="callback"/>; exceptions go to <see cref="OnTurnError"/> when set.</summary>
    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(callback);
        try
        {
            await MiddlewareSet.ReceiveActivityWithStatusAsync(turnContext, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OnTurnError is not null && !cancellationToken.IsCancellationRequested)
        {
            await OnTurnError(turnContext, ex).ConfigureAwait(false);
        }
    }
}
