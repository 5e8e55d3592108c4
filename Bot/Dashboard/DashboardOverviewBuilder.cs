using System.Globalization;
using AuthorBot.Bot.Announcements;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Events;
using AuthorBot.Dialogs.Quiz;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Bot.Dashboard;

/// <summary>Gathers what the dashboard's first screen shows from the stores the bot already keeps.</summary>
internal sealed class DashboardOverviewBuilder(
    DashboardStatsStore stats,
    ReaderProfileReader profiles,
    AuthorContent content,
    EventRsvpService rsvps,
    ReaderRecommender recommender,
    AnnouncementStore announcements,
    QuizBank quiz,
    TimeProvider clock)
{
    /// <summary>At most this many days are charted, ending today.</summary>
    public const int ChartedDays = 90;

    /// <summary>At most this many announcements are listed, newest first.</summary>
    public const int ListedAnnouncements = 20;

    public async Task<DashboardOverview> BuildAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var readers = await stats.ReadersAsync(cancellationToken).ConfigureAwait(false);
        var byReader = await profiles.ReadAsync([.. readers.Select(r => r.Reader)], cancellationToken).ConfigureAwait(false);

        // A subscription counts from the day of consent until the day the reader unsubscribed, if they did.
        var subscriptionChanges = new List<(DateTimeOffset At, int Change)>();
        foreach (var profile in byReader.Values)
        {
            if (profile.Newsletter is { ConsentedAt: { } consented } newsletter)
            {
                subscriptionChanges.Add((consented, 1));
                if (!newsletter.Subscribed)
                {
                    subscriptionChanges.Add((newsletter.UnsubscribedAt ?? consented, -1));
                }
            }
        }

        var audience = new AudienceSeries(
            readers.Count,
            byReader.Values.Count(p => p.IsSubscribed),
            Cumulative(readers.Select(r => (r.FirstSeen, 1)), now),
            Cumulative(subscriptionChanges, now));

        var events = new List<EventSummary>();
        foreach (var authorEvent in content.Events)
        {
            var lists = await rsvps.GetListsAsync(authorEvent.Id, cancellationToken).ConfigureAwait(false);
            events.Add(new EventSummary(authorEvent.Id, authorEvent.Title, authorEvent.StartsAt, authorEvent.Capacity, lists.Attending, lists.Waiting));
        }

        var feedback = new Dictionary<InteractionKind, int>();
        foreach (var (reader, _) in readers)
        {
            foreach (var interaction in await recommender.HistoryAsync(ReaderRecommender.ReaderIdOf(reader), cancellationToken).ConfigureAwait(false))
            {
                // An RSVP is counted with the events; everything else is what the reader made of a suggestion.
                if (interaction.Kind != InteractionKind.Rsvp)
                {
                    feedback[interaction.Kind] = feedback.GetValueOrDefault(interaction.Kind) + 1;
                }
            }
        }

        var total = feedback.Values.Sum();
        var kinds = Enum.GetValues<InteractionKind>()
            .Where(k => k != InteractionKind.Rsvp)
            .Select(k => new FeedbackRate(k.ToString(), feedback.GetValueOrDefault(k), total == 0 ? 0 : Math.Round((double)feedback.GetValueOrDefault(k) / total, 4)))
            .ToList();

        var listed = new List<AnnouncementProgress>();
        foreach (var id in await stats.NewestAnnouncementsAsync(ListedAnnouncements, cancellationToken).ConfigureAwait(false))
        {
            if (await announcements.GetProgressAsync(id, now, cancellationToken).ConfigureAwait(false) is { } progress)
            {
                listed.Add(progress);
            }
        }

        return new DashboardOverview(content.AuthorName, audience, events, new FeedbackSummary(total, kinds), listed)
        {
            QuizQuestions = [.. quiz.Questions.Select(q => new QuizQuestionOption(q.Id, q.Text))],
        };
    }

    // The running total at the end of each UTC day, from the first change (or today) to today, at most ChartedDays.
    private static List<DailyCount> Cumulative(IEnumerable<(DateTimeOffset At, int Change)> changes, DateTimeOffset now)
    {
        var byDay = changes.GroupBy(c => DateOnly.FromDateTime(c.At.UtcDateTime)).ToDictionary(g => g.Key, g => g.Sum(c => c.Change));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = byDay.Count == 0 ? today : byDay.Keys.Min();
        if (first < today.AddDays(1 - ChartedDays))
        {
            first = today.AddDays(1 - ChartedDays);
        }

        var running = byDay.Where(d => d.Key < first).Sum(d => d.Value);
        var series = new List<DailyCount>();
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            running += byDay.GetValueOrDefault(day);
            series.Add(new DailyCount(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), running));
        }

        return series;
    }
}
