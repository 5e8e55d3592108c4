using System.Text.Json.Nodes;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Preferences;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Reminders;
using NodaTime;

namespace AuthorBot.Dialogs.Events;

/// <summary>
/// RSVPs for the author's events: a seat while there is one, the waiting list after that, the first waiter promoted
/// when someone cancels, and reminders 24 hours and 1 hour before for everyone holding a seat.
/// </summary>
public sealed class EventRsvpService : IEventAttendance, IReaderDataStore
{
    private static readonly (string Lead, TimeSpan Before, string Words)[] _leads =
    [
        ("24h", TimeSpan.FromHours(24), "tomorrow"),
        ("1h", TimeSpan.FromHours(1), "in an hour"),
    ];

    private readonly EventRsvpStore _store;
    private readonly StoredReaderProfiles _profiles;
    private readonly AuthorContent _content;
    private readonly IReminderScheduler _reminders;
    private readonly TimeProvider _clock;
    private readonly IRsvpListener[] _listeners;

    /// <summary>Creates the service with nobody told about new RSVPs.</summary>
    /// <param name="storage">The bot's configured storage.</param>
    /// <param name="content">The author's events.</param>
    /// <param name="reminders">Sends reminders later.</param>
    /// <param name="clock">The clock.</param>
    public EventRsvpService(IStorage storage, AuthorContent content, IReminderScheduler reminders, TimeProvider clock)
        : this(storage, content, reminders, clock, [])
    {
    }

    /// <summary>Creates the service.</summary>
    /// <param name="storage">The bot's configured storage.</param>
    /// <param name="content">The author's events.</param>
    /// <param name="reminders">Sends reminders later.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="listeners">Told after each new RSVP (the host registers them; none is fine).</param>
    public EventRsvpService(IStorage storage, AuthorContent content, IReminderScheduler reminders, TimeProvider clock, IEnumerable<IRsvpListener> listeners)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(listeners);
        _store = new EventRsvpStore(storage);
        _profiles = new StoredReaderProfiles(storage);
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _reminders = reminders ?? throw new ArgumentNullException(nameof(reminders));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _listeners = [.. listeners];
    }

    /// <inheritdoc />
    public string Name => "event RSVPs";

    /// <summary>Where a reader stands for an event.</summary>
    /// <param name="authorEvent">The event.</param>
    /// <param name="reader">The reader.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The standing.</returns>
    public async Task<RsvpStanding> GetStandingAsync(AuthorEvent authorEvent, ReaderKey reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorEvent);
        var document = await _store.ReadAsync(authorEvent.Id, cancellationToken).ConfigureAwait(false);
        return EventRsvpStore.StandingOf(document, reader, authorEvent.Capacity);
    }

    /// <summary>Takes a seat if one is free, else a place on the waiting list; asking again changes nothing.</summary>
    /// <param name="authorEvent">The event.</param>
    /// <param name="reader">The reader.</param>
    /// <param name="zone">The reader's time zone, for the reminder texts.</param>
    /// <param name="cancellationToken">Cancels the RSVP.</param>
    /// <returns>What happened.</returns>
    public Task<RsvpChange> RsvpAsync(AuthorEvent authorEvent, ReaderKey reader, DateTimeZone zone, CancellationToken cancellationToken) =>
        RsvpAsync(authorEvent, reader, zone, null, cancellationToken);

    /// <summary>Takes a seat if one is free, else a place on the waiting list; asking again changes nothing.</summary>
    /// <param name="authorEvent">The event.</param>
    /// <param name="reader">The reader.</param>
    /// <param name="zone">The reader's time zone, for the reminder texts.</param>
    /// <param name="locale">The reader's locale, which picks the clock of the reminder texts.</param>
    /// <param name="cancellationToken">Cancels the RSVP.</param>
    /// <returns>What happened.</returns>
    public async Task<RsvpChange> RsvpAsync(AuthorEvent authorEvent, ReaderKey reader, DateTimeZone zone, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorEvent);
        ArgumentNullException.ThrowIfNull(zone);
        var now = _clock.GetUtcNow();
        var (before, after) = await _store.UpdateAsync(authorEvent.Id, document =>
        {
            var standing = EventRsvpStore.StandingOf(document, reader, authorEvent.Capacity);
            if (standing.Status != RsvpStatus.None)
            {
                return ((standing.Status, standing), false);
            }

            var entry = new RsvpEntry { ChannelId = reader.ChannelId, UserId = reader.UserId, At = now };
            (standing.SeatsLeft > 0 ? document.Attendees : document.Waiting).Add(entry);
            return ((RsvpStatus.None, EventRsvpStore.StandingOf(document, reader, authorEvent.Capacity)), true);
        }, cancellationToken).ConfigureAwait(false);

        var scheduled = true;
        if (before == RsvpStatus.None && after.Status == RsvpStatus.Attending)
        {
            scheduled = await ScheduleEventRemindersAsync(authorEvent, reader, zone, locale, now, cancellationToken).ConfigureAwait(false);
        }

        if (before == RsvpStatus.None && after.Status != RsvpStatus.None)
        {
            foreach (var listener in _listeners)
            {
                await listener.OnRsvpAsync(authorEvent.Id, reader, after.Status, now, cancellationToken).ConfigureAwait(false);
            }
        }

        return new RsvpChange(before, after, scheduled);
    }

    /// <summary>Gives up a seat or a waiting-list place; a freed seat goes to the first reader waiting, who is told.</summary>
    /// <param name="authorEvent">The event.</param>
    /// <param name="reader">The reader.</param>
    /// <param name="cancellationToken">Cancels the cancellation.</param>
    /// <returns>What happened.</returns>
    public async Task<RsvpChange> CancelAsync(AuthorEvent authorEvent, ReaderKey reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorEvent);
        var (before, promoted, after) = await RemoveAsync(authorEvent, reader, cancellationToken).ConfigureAwait(false);
        var done = true;
        if (before == RsvpStatus.Attending)
        {
            done = await CancelEventRemindersAsync(authorEvent, reader, cancellationToken).ConfigureAwait(false);
        }

        if (promoted is { } waiter)
        {
            await NotifyPromotedAsync(authorEvent, waiter, cancellationToken).ConfigureAwait(false);
        }

        return new RsvpChange(before, after, done);
    }

    /// <summary>The sizes of an event's seat list and waiting list (for the author's dashboard).</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts; zeros for an event that is not in the content.</returns>
    public async Task<EventLists> GetListsAsync(string eventId, CancellationToken cancellationToken)
    {
        if (_content.FindEvent(eventId) is null)
        {
            return new EventLists(0, 0);
        }

        var document = await _store.ReadAsync(eventId, cancellationToken).ConfigureAwait(false);
        return new EventLists(document.Attendees.Count, document.Waiting.Count);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReaderKey>> GetAttendeesAsync(string eventId, CancellationToken cancellationToken)
    {
        if (_content.FindEvent(eventId) is null)
        {
            return [];
        }

        var document = await _store.ReadAsync(eventId, cancellationToken).ConfigureAwait(false);
        return [.. document.Attendees.Select(e => e.Key)];
    }

    /// <inheritdoc />
    public async Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        var records = new JsonArray();
        foreach (var authorEvent in _content.Events)
        {
            var document = await _store.ReadAsync(authorEvent.Id, cancellationToken).ConfigureAwait(false);
            var standing = EventRsvpStore.StandingOf(document, reader, authorEvent.Capacity);
            if (standing.Status == RsvpStatus.None)
            {
                continue;
            }

            var entry = document.Attendees.Concat(document.Waiting).First(e => e.Is(reader));
            var record = new JsonObject
            {
                ["eventId"] = authorEvent.Id,
                ["title"] = authorEvent.Title,
                ["status"] = standing.Status == RsvpStatus.Attending ? "attending" : "waiting",
                ["since"] = entry.At,
            };
            if (standing.Status == RsvpStatus.Waiting)
            {
                record["waitingPosition"] = standing.WaitingPosition;
            }

            records.Add(record);
        }

        return records.Count == 0 ? null : records;
    }

    /// <inheritdoc />
    public async Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        foreach (var authorEvent in _content.Events)
        {
            await CancelAsync(authorEvent, reader, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(RsvpStatus Before, ReaderKey? Promoted, RsvpStanding After)> RemoveAsync(AuthorEvent authorEvent, ReaderKey reader, CancellationToken cancellationToken) =>
        await _store.UpdateAsync(authorEvent.Id, document =>
        {
            var standing = EventRsvpStore.StandingOf(document, reader, authorEvent.Capacity);
            if (standing.Status == RsvpStatus.None)
            {
                return ((RsvpStatus.None, (ReaderKey?)null, standing), false);
            }

            document.Attendees.RemoveAll(e => e.Is(reader));
            document.Waiting.RemoveAll(e => e.Is(reader));
            ReaderKey? promoted = null;
            if (standing.Status == RsvpStatus.Attending && document.Waiting.Count > 0 && document.Attendees.Count < authorEvent.Capacity)
            {
                var first = document.Waiting[0];
                document.Waiting.RemoveAt(0);
                document.Attendees.Add(first);
                promoted = first.Key;
            }

            return ((standing.Status, promoted, EventRsvpStore.StandingOf(document, reader, authorEvent.Capacity)), true);
        }, cancellationToken).ConfigureAwait(false);

    private async Task NotifyPromotedAsync(AuthorEvent authorEvent, ReaderKey waiter, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var profile = await _profiles.ReadProfileAsync(waiter, cancellationToken).ConfigureAwait(false);
        var (zone, _) = ReaderTime.ZoneFor(profile?.TimeZone, _content.TimeZone);
        var text = $"Good news: a seat opened up for {authorEvent.Title} ({ReaderTime.Format(authorEvent.StartsAt, zone, profile?.Locale)}) and it's yours. "
            + $"Details: {authorEvent.Link.AbsoluteUri}. Say \"events\" to cancel if you can't make it.";
        if (await TryAsync(() => _reminders.ScheduleAsync(new ReminderRequest(ReminderIds.SeatOpened(authorEvent.Id, waiter), waiter, now, text), cancellationToken)).ConfigureAwait(false))
        {
            await ScheduleEventRemindersAsync(authorEvent, waiter, zone, profile?.Locale, now, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> ScheduleEventRemindersAsync(AuthorEvent authorEvent, ReaderKey reader, DateTimeZone zone, string? locale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (lead, before, words) in _leads)
        {
            var due = authorEvent.StartsAt - before;
            if (due <= now)
            {
                continue;
            }

            var text = $"Reminder: {authorEvent.Title} starts {words}, {ReaderTime.Format(authorEvent.StartsAt, zone, locale)}. {authorEvent.Link.AbsoluteUri}";
            var request = new ReminderRequest(ReminderIds.Event(authorEvent.Id, lead, reader), reader, due, text);
            if (!await TryAsync(() => _reminders.ScheduleAsync(request, cancellationToken)).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> CancelEventRemindersAsync(AuthorEvent authorEvent, ReaderKey reader, CancellationToken cancellationToken)
    {
        string[] ids = [.. _leads.Select(l => ReminderIds.Event(authorEvent.Id, l.Lead, reader)), ReminderIds.SeatOpened(authorEvent.Id, reader)];
        foreach (var id in ids)
        {
            if (!await TryAsync(() => _reminders.CancelAsync(id, cancellationToken)).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            return true;
        }
        catch (ReminderSchedulingUnavailableException)
        {
            return false;
        }
    }
}
