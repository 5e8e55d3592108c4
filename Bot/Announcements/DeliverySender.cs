using System.Net;
using AuthorBot.Bot.Proactive;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.DirectLine;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Sends one prepared delivery through <see cref="BotAdapter.ContinueConversationAsync"/> on the adapter that captured
/// the reference and classifies the result. The Connector client already retried 429/412/502/504 (Retry-After and
/// jittered backoff, Polly); what still fails here is either permanent for this reader (403, 404: unreachable), worth
/// another try later (transient statuses, 5xx, timeouts, channel unreachable), or a failure (other 4xx).
/// </summary>
internal sealed partial class DeliverySender(
    BotAdapter connectorAdapter,
    DirectLineAdapter directLineAdapter,
    TeamsPersonalChats personalChats,
    RecentDeliveries recentDeliveries,
    TimeProvider time,
    ILogger<DeliverySender> logger)
{
    public async Task<DeliveryOutcome> SendAsync(PreparedDelivery prepared, int maxAttempts, TimeSpan retryBaseDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var adapter = prepared.Target.Adapter == ProactiveAdapters.DirectLine ? (BotAdapter)directLineAdapter : connectorAdapter;
        Exception? error = null;
        string? activityId = null;
        try
        {
            // A Teams reader known only from a team or a group chat is written to in private: their personal chat is
            // opened first (and kept for next time).
            var target = TeamsPersonalChats.Needed(prepared.Target)
                ? await personalChats.OpenAsync(prepared.Target, cancellationToken).ConfigureAwait(false)
                : prepared.Target;

            // The callback keeps the failure to itself: thrown, it would reach the adapter's turn-error handler, which
            // apologises to the reader in the very conversation that just failed.
            await adapter.ContinueConversationAsync(
                target.Reference,
                async (turnContext, ct) =>
                {
                    try
                    {
                        activityId = (await turnContext.SendActivityAsync(prepared.Activity, ct).ConfigureAwait(false))?.Id;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        error = ex;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = ex;
        }

        var now = time.GetUtcNow();
        var delivery = prepared.Delivery;
        if (error is null)
        {
            // Before the outcome is stored: a reply arriving in between is looked up (and, as before, credited once
            // the delivery's state says sent).
            recentDeliveries.Record(delivery.Reader, now);
            return new DeliveryOutcome(delivery.Id, DeliveryStates.Sent, now, ActivityId: activityId);
        }

        var status = (error as ConnectorException)?.StatusCode;
        if (error is ServiceUrlNotTrustedException or ServiceUrlRefusedException)
        {
            // Not trusted (stored from an unauthenticated activity) or not a public address: nothing was sent, the
            // refusal is logged once per address by the Connector, and it stays unreachable until the channel writes
            // again from a URL the bot may call. Never retried.
            return new DeliveryOutcome(delivery.Id, DeliveryStates.Failed, now, DeliveryStates.UnreachableReason);
        }

        if (status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            LogUnreachable(delivery.Reader.ChannelId, delivery.ConversationId, (int)status.Value);
            return new DeliveryOutcome(delivery.Id, DeliveryStates.Failed, now, DeliveryStates.UnreachableReason);
        }

        var transient = status is null || (int)status.Value >= 500 || ConnectorRetryStatuses.IsTransient(status.Value);
        var attempts = delivery.Attempts + 1;
        if (transient && attempts < maxAttempts)
        {
            var backoff = retryBaseDelay * Math.Pow(2, attempts - 1) * (0.8 + (0.4 * Random.Shared.NextDouble()));
            LogRetry(delivery.Id, attempts, backoff.TotalSeconds, error.Message);
            return new DeliveryOutcome(delivery.Id, DeliveryStates.Pending, now, "retrying: " + error.Message, RetryAt: now + backoff);
        }

        LogFailed(error, delivery.Id, attempts);
        return new DeliveryOutcome(delivery.Id, DeliveryStates.Failed, now, Truncate(error.Message));
    }

    private static string Truncate(string message) => message.Length <= 500 ? message : message[..500];

    [LoggerMessage(Level = LogLevel.Information, Message = "Reader in {ChannelId} conversation {ConversationId} is unreachable ({Status}); no more announcements go there")]
    private partial void LogUnreachable(string channelId, string conversationId, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} attempt {Attempt} failed; retrying in {Seconds:F1} s: {Reason}")]
    private partial void LogRetry(long deliveryId, int attempt, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed after {Attempts} attempt(s)")]
    private partial void LogFailed(Exception exception, long deliveryId, int attempts);
}
