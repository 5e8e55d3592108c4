namespace AuthorBot.Bot.Announcements;

/// <summary>
/// The life of a delivery record: <c>pending</c> → <c>sending</c> (written before the send) → <c>sent</c>, or
/// <c>failed</c> / <c>skipped_*</c> / <c>cancelled</c>. A transient failure puts it back to <c>pending</c> with a later due time.
/// </summary>
internal static class DeliveryStates
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string SkippedQuietHours = "skipped_quiet_hours";
    public const string SkippedCap = "skipped_cap";
    public const string SkippedUnsubscribed = "skipped_unsubscribed";

    /// <summary>The reason recorded with a failed delivery when the channel said the reader cannot be reached.</summary>
    public const string UnreachableReason = "unreachable";
}
