using System.Diagnostics;
using AuthorBot.Bot.Announcements;

namespace AuthorBot.Bot.Telemetry;

/// <summary>
/// Announcement delivery telemetry: a span per batch the engine prepares (due, to send, decided without sending) and
/// the count of deliveries by what became of them, taken when the outcome is committed.
/// </summary>
internal static class DeliveryTelemetry
{
    public static Activity? StartBatch(int due)
    {
        var span = AuthorBotTelemetry.Source.StartActivity("announcement batch");
        span?.SetTag("authorbot.batch.due", due);
        return span;
    }

    /// <summary>The batch was marked: <paramref name="decided"/> were settled without a send, <paramref name="toSend"/> go out.</summary>
    public static void Prepared(Activity? span, IReadOnlyCollection<DeliveryOutcome> decided, int toSend)
    {
        span?.SetTag("authorbot.batch.sending", toSend);
        span?.SetTag("authorbot.batch.decided", decided.Count);
        Count(decided);
    }

    /// <summary>Outcomes committed by the writer (sends that went out, failed or will be retried).</summary>
    public static void Count(IEnumerable<DeliveryOutcome> outcomes)
    {
        if (!AuthorBotTelemetry.Deliveries.Enabled)
        {
            return;
        }

        foreach (var group in outcomes.GroupBy(StateOf, StringComparer.Ordinal))
        {
            AuthorBotTelemetry.Deliveries.Add(group.Count(), new KeyValuePair<string, object?>(AuthorBotTelemetry.DeliveryState, group.Key));
        }
    }

    // A pending outcome is either held for quiet hours (no attempt made) or a transient failure to try again.
    private static string StateOf(DeliveryOutcome outcome) => outcome.State switch
    {
        DeliveryStates.Pending when outcome.Reason?.StartsWith("retrying", StringComparison.Ordinal) == true => "retry",
        DeliveryStates.Pending => "deferred",
        var state => state,
    };
}
