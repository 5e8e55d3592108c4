using System.Text.Json.Nodes;
using AuthorBot.Bot.Tests.Dialogs;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Events;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Reminders;
using NodaTime;

namespace AuthorBot.Bot.Tests.Flows;

public sealed class EventRsvpServiceTests : IDisposable
{
    private static readonly DateTimeOffset _now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private static readonly ReaderKey _ann = new("test", "ann");
    private static readonly ReaderKey _ben = new("test", "ben");
    private static readonly ReaderKey _cat = new("msteams", "cat");

    private readonly TempFolder _folder = new();
    private readonly RecordingReminderScheduler _reminders = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Seats_fill_in_order_then_the_waiting_list_then_a_cancel_promotes_the_first_waiter()
    {
        var signing = TestContent.Signing(capacity: 1);
        var service = Service(new MemoryStorage(), signing);

        var ann = await service.RsvpAsync(signing, _ann, DateTimeZone.Utc, default);
        var ben = await service.RsvpAsync(signing, _ben, DateTimeZone.Utc, default);
        var cat = await service.RsvpAsync(signing, _cat, DateTimeZone.Utc, default);

        Assert.Equal(RsvpStatus.Attending, ann.After.Status);
        Assert.Equal((RsvpStatus.Waiting, 1), (ben.After.Status, ben.After.WaitingPosition));
        Assert.Equal((RsvpStatus.Waiting, 2), (cat.After.Status, cat.After.WaitingPosition));
        Assert.Equal([_ann], await service.GetAttendeesAsync(signing.Id, default));

        var cancelled = await service.CancelAsync(signing, _ann, default);

        Assert.Equal(RsvpStatus.Attending, cancelled.Before);
        Assert.Equal(RsvpStatus.None, cancelled.After.Status);
        Assert.Equal([_ben], await service.GetAttendeesAsync(signing.Id, default));
        Assert.Equal(1, (await service.GetStandingAsync(signing, _cat, default)).WaitingPosition);
        Assert.Contains("seat opened up", _reminders.Pending[ReminderIds.SeatOpened(signing.Id, _ben)].Text, StringComparison.Ordinal);
        Assert.True(_reminders.Pending.ContainsKey(ReminderIds.Event(signing.Id, "24h", _ben)));
        Assert.False(_reminders.Pending.ContainsKey(ReminderIds.Event(signing.Id, "24h", _ann)));
    }

    [Fact]
    public async Task A_seat_schedules_reminders_24_hours_and_1_hour_before_in_the_readers_zone()
    {
        var signing = TestContent.Signing(capacity: 5);
        var service = Service(new MemoryStorage(), signing);

        var change = await service.RsvpAsync(signing, _ann, DateTimeZoneProviders.Tzdb["America/New_York"], default);

        Assert.True(change.RemindersScheduled);
        var day = _reminders.Pending[ReminderIds.Event(signing.Id, "24h", _ann)];
        var hour = _reminders.Pending[ReminderIds.Event(signing.Id, "1h", _ann)];
        Assert.Equal(signing.StartsAt.AddHours(-24), day.DueAt);
        Assert.Equal(signing.StartsAt.AddHours(-1), hour.DueAt);
        Assert.Equal(_ann, hour.Reader);
        // 14:00 UTC on 20 March 2027 is 10:00 in New York (daylight time since 14 March).
        Assert.Contains("Saturday 20 March 2027 at 10:00 New York time", hour.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_twice_keeps_one_seat()
    {
        var signing = TestContent.Signing(capacity: 5);
        var service = Service(new MemoryStorage(), signing);

        await service.RsvpAsync(signing, _ann, DateTimeZone.Utc, default);
        var again = await service.RsvpAsync(signing, _ann, DateTimeZone.Utc, default);

        Assert.Equal(RsvpStatus.Attending, again.Before);
        Assert.Equal(4, again.After.SeatsLeft);
        Assert.Single(await service.GetAttendeesAsync(signing.Id, default));
    }

    [Fact]
    public async Task Without_a_reminder_scheduler_the_seat_is_still_booked_and_the_result_says_so()
    {
        var signing = TestContent.Signing(capacity: 5);
        var service = new EventRsvpService(new MemoryStorage(), TestContent.WithEvents(signing), new UnavailableScheduler(), new FixedClock(_now));

        var change = await service.RsvpAsync(signing, _ann, DateTimeZone.Utc, default);

        Assert.Equal(RsvpStatus.Attending, change.After.Status);
        Assert.False(change.RemindersScheduled);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Two_readers_racing_for_the_last_seat_cannot_both_get_it(string store)
    {
        var signing = TestContent.Signing(capacity: 1);
        var storage = new RaceGateStorage(CreateStorage(store), racers: 2);
        var service = Service(storage, signing);

        var results = await Task.WhenAll(
            Task.Run(() => service.RsvpAsync(signing, _ann, DateTimeZone.Utc, default)),
            Task.Run(() => service.RsvpAsync(signing, _ben, DateTimeZone.Utc, default)));

        Assert.True(storage.Conflicts >= 1, "the two writes should have collided");
        Assert.Single(results, r => r.After.Status == RsvpStatus.Attending);
        Assert.Single(results, r => r.After.Status == RsvpStatus.Waiting);
        Assert.Single(await service.GetAttendeesAsync(signing.Id, default));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Many_concurrent_rsvps_fill_exactly_the_capacity(string store)
    {
        var signing = TestContent.Signing(capacity: 7);
        var service = Service(CreateStorage(store), signing);
        var readers = Enumerable.Range(0, 30).Select(i => new ReaderKey("test", $"reader{i}")).ToList();

        var results = await Task.WhenAll(readers.Select(r => Task.Run(() => service.RsvpAsync(signing, r, DateTimeZone.Utc, default))));

        Assert.Equal(7, results.Count(r => r.After.Status == RsvpStatus.Attending));
        Assert.Equal(23, results.Count(r => r.After.Status == RsvpStatus.Waiting));
        Assert.Equal(Enumerable.Range(1, 23), results.Where(r => r.After.Status == RsvpStatus.Waiting).Select(r => r.After.WaitingPosition).Order());
        Assert.Equal(7, (await service.GetAttendeesAsync(signing.Id, default)).Distinct().Count());
    }

    [Fact]
    public async Task Export_lists_the_readers_rsvps_and_erase_removes_them_and_promotes_a_waiter()
    {
        var full = TestContent.Signing(capacity: 1, id: "full-signing");
        var roomy = TestContent.Signing(capacity: 9, id: "roomy-signing");
        var service = Service(new MemoryStorage(), full, roomy);
        await service.RsvpAsync(full, _ann, DateTimeZone.Utc, default);
        await service.RsvpAsync(full, _ben, DateTimeZone.Utc, default);
        await service.RsvpAsync(roomy, _ann, DateTimeZone.Utc, default);

        var export = Assert.IsType<JsonArray>(await service.ExportAsync(_ann, default));
        Assert.Equal(["full-signing", "roomy-signing"], export.Select(e => (string?)e!["eventId"]));
        Assert.All(export, e => Assert.Equal("attending", (string?)e!["status"]));

        await service.EraseAsync(_ann, default);

        Assert.Null(await service.ExportAsync(_ann, default));
        Assert.Equal([_ben], await service.GetAttendeesAsync(full.Id, default));
        Assert.Empty(await service.GetAttendeesAsync(roomy.Id, default));
        Assert.DoesNotContain(_reminders.Pending.Keys, id => id.EndsWith(":test:ann", StringComparison.Ordinal));
        await service.EraseAsync(_ann, default); // idempotent
    }

    [Fact]
    public async Task Listeners_hear_of_new_seats_and_waiting_places_but_not_of_repeats_cancels_or_promotions()
    {
        var signing = TestContent.Signing(capacity: 1);
        var listener = new RecordingRsvpListener();
        var service = new EventRsvpService(new MemoryStorage(), TestContent.WithEvents(signing), _reminders, new FixedClock(_now), [listener]);

        await service.RsvpAsync(signing, _ann, DateTimeZone.Utc, default);
        await service.RsvpAsync(signing, _ben, DateTimeZone.Utc, default);
        await service.RsvpAsync(signing, _ann, DateTimeZone.Utc, default);
        await service.CancelAsync(signing, _ann, default);

        Assert.Equal([(signing.Id, _ann, RsvpStatus.Attending, _now), (signing.Id, _ben, RsvpStatus.Waiting, _now)], listener.Heard);
        Assert.Equal([_ben], await service.GetAttendeesAsync(signing.Id, default));
    }

    [Fact]
    public async Task Attendees_of_an_unknown_event_are_empty()
    {
        var service = Service(new MemoryStorage(), TestContent.Signing(capacity: 1));

        Assert.Empty(await service.GetAttendeesAsync("no-such-event", default));
    }

    private EventRsvpService Service(IStorage storage, params AuthorEvent[] events) =>
        new(storage, TestContent.WithEvents(events), _reminders, new FixedClock(_now));

    private IStorage CreateStorage(string kind) =>
        kind == "sqlite" ? new SqliteStorage(Path.Combine(_folder.Path, $"{Guid.NewGuid():N}.db")) : new MemoryStorage();

    private sealed class RecordingRsvpListener : IRsvpListener
    {
        public List<(string EventId, ReaderKey Reader, RsvpStatus Status, DateTimeOffset At)> Heard { get; } = [];

        public Task OnRsvpAsync(string eventId, ReaderKey reader, RsvpStatus status, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Heard.Add((eventId, reader, status, at));
            return Task.CompletedTask;
        }
    }

    private sealed class UnavailableScheduler : IReminderScheduler
    {
        public Task ScheduleAsync(ReminderRequest request, CancellationToken cancellationToken) => throw new ReminderSchedulingUnavailableException();

        public Task CancelAsync(string reminderId, CancellationToken cancellationToken) => throw new ReminderSchedulingUnavailableException();
    }
}
