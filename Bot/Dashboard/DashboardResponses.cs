using AuthorBot.Bot.Announcements;

namespace AuthorBot.Bot.Dashboard;

/// <summary>One day of a cumulative count (readers known, readers subscribed) as of the end of that UTC day.</summary>
internal sealed record DailyCount(string Day, int Total);

/// <summary>Readers and newsletter subscribers over time.</summary>
internal sealed record AudienceSeries(int Readers, int Subscribers, IReadOnlyList<DailyCount> ReadersByDay, IReadOnlyList<DailyCount> SubscribersByDay);

/// <summary>An event's seats, RSVPs and waiting list.</summary>
internal sealed record EventSummary(string Id, string Title, DateTimeOffset StartsAt, int Capacity, int Attending, int Waiting);

/// <summary>How readers answered recommendations, by kind of feedback.</summary>
internal sealed record FeedbackSummary(int Total, IReadOnlyList<FeedbackRate> Kinds);

/// <summary>One kind of feedback: how many, and its share of all feedback.</summary>
internal sealed record FeedbackRate(string Kind, int Count, double Rate);

/// <summary>What the dashboard's first screen shows.</summary>
internal sealed record DashboardOverview(string AuthorName, AudienceSeries Audience, IReadOnlyList<EventSummary> Events, FeedbackSummary Feedback, IReadOnlyList<AnnouncementProgress> Announcements)
{
    /// <summary>The reader quiz's questions, any of which an announcement can send as the question of the week.</summary>
    public IReadOnlyList<QuizQuestionOption> QuizQuestions { get; init; } = [];
}

/// <summary>A quiz question the announcement form offers as the question of the week.</summary>
internal sealed record QuizQuestionOption(string Id, string Question);

/// <summary>One variant's rate with its 95 % Wilson interval.</summary>
internal sealed record RateWithInterval(int Count, double Rate, double Low, double High);

/// <summary>One variant's engagement, each rate with its interval.</summary>
internal sealed record VariantRates(string Variant, int Targeted, int Sent, RateWithInterval Clicks, RateWithInterval Replies, RateWithInterval Rsvps);

/// <summary>An announcement's progress and results, as the dashboard shows them.</summary>
internal sealed record DashboardAnnouncement(AnnouncementProgress Progress, IReadOnlyList<VariantRates> Variants, IReadOnlyList<VariantComparison> Comparisons);

/// <summary>A preview of one variant as one reader would see it.</summary>
internal sealed record AnnouncementPreview(string Variant, string? Text, PreviewCard? Card);

/// <summary>The hero card of a preview.</summary>
internal sealed record PreviewCard(string? Title, string? Subtitle, string? Text, string? ImageUrl, IReadOnlyList<PreviewButton> Buttons);

/// <summary>A preview card's link button.</summary>
internal sealed record PreviewButton(string? Title, string? Url);
