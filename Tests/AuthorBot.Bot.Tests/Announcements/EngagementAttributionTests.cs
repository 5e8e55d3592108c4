using AuthorBot.Bot.Announcements;
using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Announcements;

public sealed class EngagementAttributionTests : IDisposable
{
    private static readonly DateTimeOffset _now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly ReaderKey _ann = new("emulator", "ann");
    private static readonly ReaderKey _ben = new("emulator", "ben");

    private readonly ProactiveDatabase _database = ProactiveDatabase.InMemory();
    private readonly AnnouncementStore _announcements;
    private readonly AnnouncementEngagementStore _engagement;

    public EngagementAttributionTests()
    {
        _announcements = new AnnouncementStore(_database);
        _engagement = new AnnouncementEngagementStore(_database);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task An_rsvp_within_24_hours_counts_for_the_variant_of_the_latest_announcement_sent()
    {
        await SendAsync("ann_old", (_ann, "A", _now.AddHours(-20)));
        await SendAsync("ann_new", (_ann, "B", _now.AddHours(-2)), (_ben, "A", _now.AddHours(-2)));

        Assert.True(await _engagement.RecordRsvpAsync(_ann, "launch-party", _now, default));

        Assert.Equal([("A", 0), ("B", 1)], (await _engagement.GetEngagementAsync("ann_new", default)).Select(v => (v.Variant, v.Rsvped)));
        Assert.Equal(0, Assert.Single((await _engagement.GetEngagementAsync("ann_old", default))).Rsvped);
    }

    [Fact]
    public async Task A_reply_counts_once_for_the_latest_announcement_sent_and_never_for_an_older_one()
    {
        await SendAsync("ann_old", (_ann, "A", _now.AddHours(-20)));
        await SendAsync("ann_new", (_ann, "B", _now.AddHours(-2)));

        Assert.True(await _engagement.RecordReplyAsync(_ann, _now, default));
        Assert.False(await _engagement.RecordReplyAsync(_ann, _now.AddMinutes(1), default));
        Assert.False(await _engagement.RecordReplyAsync(_ben, _now, default));

        Assert.Equal(1, Assert.Single((await _engagement.GetEngagementAsync("ann_new", default))).Replied);
        Assert.Equal(0, Assert.Single((await _engagement.GetEngagementAsync("ann_old", default))).Replied);
    }

    [Fact]
    public async Task A_second_rsvp_after_the_same_announcement_is_not_counted_again()
    {
        await SendAsync("ann_1", (_ann, "A", _now.AddHours(-1)));

        Assert.True(await _engagement.RecordRsvpAsync(_ann, "launch-party", _now, default));
        Assert.False(await _engagement.RecordRsvpAsync(_ann, "small-signing", _now.AddMinutes(5), default));

        var variant = Assert.Single((await _engagement.GetEngagementAsync("ann_1", default)));
        Assert.Equal((1, 1), (variant.Sent, variant.Rsvped));
    }

    [Fact]
    public async Task Rsvps_more_than_24_hours_later_or_without_a_sent_announcement_are_not_credited()
    {
        await SendAsync("ann_1", (_ann, "A", _now.AddHours(-24).AddMinutes(-1)));
        await _announcements.CreateAsync("ann_2", new AnnouncementRequest { Text = "Later" }, _now, [new PlannedDelivery(_ben, "conv-ben", "A", _now.AddHours(1))], default);

        Assert.False(await _engagement.RecordRsvpAsync(_ann, "launch-party", _now, default));
        Assert.False(await _engagement.RecordRsvpAsync(_ben, "launch-party", _now, default));
        Assert.False(await _engagement.RecordRsvpAsync(new ReaderKey("emulator", "nobody"), "launch-party", _now, default));

        Assert.Equal(0, Assert.Single((await _engagement.GetEngagementAsync("ann_1", default))).Rsvped);
        Assert.Equal(0, Assert.Single((await _engagement.GetEngagementAsync("ann_2", default))).Rsvped);
    }

    [Fact]
    public void Results_give_rsvp_counts_rates_and_a_z_test_per_variant()
    {
        var results = AnnouncementResultsBuilder.Build("ann_1", [new VariantEngagement("A", 100, 100, 10, 5, 2), new VariantEngagement("B", 100, 100, 10, 5, 20)]);

        Assert.Equal([(2, 0.02), (20, 0.2)], results.Variants.Select(v => (v.Rsvped, v.RsvpRate)));
        var rsvps = Assert.Single(results.Comparisons, c => c.Metric == "rsvpRate");
        Assert.Equal(("B", "A"), (rsvps.Variant, rsvps.Against));
        Assert.True(rsvps.Z > 3, $"z = {rsvps.Z}");
        Assert.True(rsvps.SignificantAt95);
        Assert.False(Assert.Single(results.Comparisons, c => c.Metric == "clickRate").SignificantAt95);
    }

    [Fact]
    public void Results_list_every_defined_variant_in_the_marketers_order_with_the_first_as_control()
    {
        var results = AnnouncementResultsBuilder.Build("ann_1", [new VariantEngagement("a-new", 1, 1, 1, 0, 0)], ["z-control", "a-new"]);

        Assert.Equal(["z-control", "a-new"], results.Variants.Select(v => v.Variant));
        Assert.Equal((0, 0, 0.0), (results.Variants[0].Targeted, results.Variants[0].Sent, results.Variants[0].ClickRate));
        Assert.All(results.Comparisons, c => Assert.Equal(("a-new", "z-control"), (c.Variant, c.Against)));
    }

    /// <summary>Creates an announcement with one delivery per reader and marks each sent at the given time.</summary>
    private async Task SendAsync(string id, params (ReaderKey Reader, string Variant, DateTimeOffset SentAt)[] deliveries)
    {
        var planned = deliveries.Select(d => new PlannedDelivery(d.Reader, "conv-" + d.Reader.UserId, d.Variant, d.SentAt)).ToList();
        await _announcements.CreateAsync(id, new AnnouncementRequest { Text = "Hi" }, deliveries.Min(d => d.SentAt), planned, default);
        await _database.WriteAsync(
            async (connection, transaction) =>
            {
                foreach (var delivery in deliveries)
                {
                    using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = "UPDATE deliveries SET state = 'sent', sent_at = $at WHERE announcement_id = $id AND user_id = $u;";
                    command.Parameters.AddWithValue("$at", delivery.SentAt.ToUnixTimeMilliseconds());
                    command.Parameters.AddWithValue("$id", id);
                    command.Parameters.AddWithValue("$u", delivery.Reader.UserId);
                    Assert.Equal(1, await command.ExecuteNonQueryAsync());
                }

                return true;
            },
            default);
    }
}
