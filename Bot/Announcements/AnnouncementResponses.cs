namespace AuthorBot.Bot.Announcements;

/// <summary>Progress of an announcement (<c>GET /api/announcements/{id}</c>).</summary>
internal sealed record AnnouncementProgress(
    string Id,
    string? Name,
    string Status,
    int Targeted,
    int Sent,
    int Failed,
    int Unreachable,
    SkippedCounts Skipped,
    int Pending,
    int Sending,
    int Cancelled,
    DateTimeOffset CreatedAt)
{
    /// <summary>Of the pending deliveries, those waiting to try again after the channel could not take them.</summary>
    public int Retrying { get; init; }

    /// <summary>When the earliest pending delivery is due: the scheduled time, or the next retry.</summary>
    public DateTimeOffset? NextSendAt { get; init; }
}

/// <summary>Deliveries skipped, by reason.</summary>
internal sealed record SkippedCounts(int QuietHours, int Cap, int Unsubscribed);

/// <summary>Engagement of one variant.</summary>
internal sealed record VariantResult(string Variant, int Targeted, int Sent, int Clicked, int Replied, int Rsvped, double ClickRate, double ReplyRate, double RsvpRate);

/// <summary>A two-proportion z-test of one variant against the first.</summary>
internal sealed record VariantComparison(string Variant, string Against, string Metric, double? Z, double? PValue, bool SignificantAt95);

/// <summary><c>GET /api/announcements/{id}/results</c>.</summary>
internal sealed record AnnouncementResults(string Id, IReadOnlyList<VariantResult> Variants, IReadOnlyList<VariantComparison> Comparisons);

/// <summary>An error body.</summary>
internal sealed record ApiError(string Error);
