using System.Net;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Announcements;

public sealed class DeliveryTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_reader_gets_one_personalized_message_with_tracked_links_and_a_card()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var readers = await host.SeedReadersAsync(3, channel.ServiceUrl);
        await host.SetProfileAsync(readers[0], new ReaderProfile { Name = "Ann Lee" });
        var id = await host.CreateAsync("""
            {"name":"Launch","text":"Hi {firstName|friend}, read https://example.com/book?x=1 now",
             "card":{"title":"The Book","buttons":[{"title":"Pre-order","url":"https://shop.example.com/pre"}]}}
            """);

        var progress = await host.WaitCompletedAsync(id, _timeout);
        Assert.Equal(3, progress.GetProperty("sent").GetInt32());
        Assert.Equal(3, channel.PostCount);
        Assert.Equal(["conv-r0", "conv-r1", "conv-r2"], channel.Deliveries.Values.Select(d => d.ConversationId).Order().ToArray());
        var ann = channel.Deliveries.Values.Single(d => d.ConversationId == "conv-r0");
        Assert.StartsWith("Hi Ann, read " + host.Host.BaseAddress.ToString().TrimEnd('/') + "/r/", ann.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", ann.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hi friend,", channel.Deliveries.Values.Single(d => d.ConversationId == "conv-r1").Text, StringComparison.Ordinal);
        Assert.Contains("application/vnd.microsoft.card.hero", ann.AttachmentsJson, StringComparison.Ordinal);
        Assert.DoesNotContain("shop.example.com", ann.AttachmentsJson, StringComparison.Ordinal);

        // The reader clicks the link: the bot redirects to the original URL and the click counts for the variant.
        var link = ann.Text!.Split(' ').Single(w => w.Contains("/r/", StringComparison.Ordinal));
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var click = await noRedirect.GetAsync(new Uri(link));
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal("https://example.com/book?x=1", click.Headers.Location!.ToString());
        var results = await host.GetJsonAsync($"/api/announcements/{id}/results");
        var variant = results.GetProperty("variants")[0];
        Assert.Equal(1, variant.GetProperty("clicked").GetInt32());
        Assert.Equal(3, variant.GetProperty("sent").GetInt32());
    }

    [Fact]
    public async Task Unsubscribed_capped_and_quiet_readers_are_skipped_and_counted()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var readers = await host.SeedReadersAsync(5, channel.ServiceUrl);
        var hour = DateTime.UtcNow.Hour;
        await host.SetProfileAsync(readers[0], new ReaderProfile { Preferences = new ReaderPreferences { AnnouncementsOptOut = true } });
        await host.SetProfileAsync(readers[1], new ReaderProfile { Preferences = new ReaderPreferences { MaxAnnouncementsPerWeek = 0 } });
        await host.SetProfileAsync(readers[2], new ReaderProfile
        {
            TimeZone = "Etc/UTC",
            Preferences = new ReaderPreferences { QuietHoursStart = (hour + 23) % 24, QuietHoursEnd = (hour + 2) % 24 },
        });
        await host.SetProfileAsync(readers[4], new ReaderProfile { Preferences = new ReaderPreferences { MaxAnnouncementsPerWeek = 1 } });

        var first = await host.WaitCompletedAsync(await host.CreateAsync("""{"text":"One"}"""), _timeout);
        Assert.Equal(5, first.GetProperty("targeted").GetInt32());
        Assert.Equal(2, first.GetProperty("sent").GetInt32());
        Assert.Equal(1, first.GetProperty("skipped").GetProperty("unsubscribed").GetInt32());
        Assert.Equal(1, first.GetProperty("skipped").GetProperty("cap").GetInt32());
        Assert.Equal(1, first.GetProperty("skipped").GetProperty("quietHours").GetInt32());
        Assert.Equal(["conv-r3", "conv-r4"], channel.Deliveries.Values.Select(d => d.ConversationId).Order().ToArray());

        // Reader 4 accepts one a week: the second announcement skips them.
        var second = await host.WaitCompletedAsync(await host.CreateAsync("""{"text":"Two"}"""), _timeout);
        Assert.Equal(1, second.GetProperty("sent").GetInt32());
        Assert.Equal(2, second.GetProperty("skipped").GetProperty("cap").GetInt32());
        Assert.Equal(2, channel.Posts.Count(p => p.ConversationId == "conv-r3"));
        Assert.Equal(1, channel.Posts.Count(p => p.ConversationId == "conv-r4"));
    }

    [Fact]
    public async Task A_second_announcement_prepared_while_the_first_is_still_in_flight_respects_the_weekly_cap()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var readers = await host.SeedReadersAsync(1, channel.ServiceUrl);
        await host.SetProfileAsync(readers[0], new ReaderProfile { Preferences = new ReaderPreferences { MaxAnnouncementsPerWeek = 1 } });

        // The channel throttles the first attempt, so the first announcement stays in flight (the connector waits out
        // Retry-After) while the second one is prepared.
        channel.Inject = (_, before) => before == 0 ? new AnnouncementChannel.Failure(429, RetryAfterSeconds: 2) : null;
        var first = await host.CreateAsync("""{"text":"One"}""");
        Assert.True(await AnnouncementChannel.WaitForAsync(() => !channel.Rejected.IsEmpty, _timeout), "The first announcement never reached the channel.");
        var second = await host.WaitCompletedAsync(await host.CreateAsync("""{"text":"Two"}"""), _timeout);
        var firstDone = await host.WaitCompletedAsync(first, _timeout);

        Assert.Equal(1, firstDone.GetProperty("sent").GetInt32());
        Assert.Equal(0, second.GetProperty("sent").GetInt32());
        Assert.Equal(1, second.GetProperty("skipped").GetProperty("cap").GetInt32());
        Assert.Equal(["One"], channel.Posts.Select(p => p.Text ?? string.Empty).ToArray());
    }

    [Fact]
    public async Task Interest_and_subscriber_audiences_pick_readers_from_their_profiles()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var readers = await host.SeedReadersAsync(4, channel.ServiceUrl);
        await host.SetProfileAsync(readers[0], new ReaderProfile { Interests = ["Fantasy", "poetry"] });
        await host.SetProfileAsync(readers[1], new ReaderProfile { Interests = ["crime"], Newsletter = new NewsletterConsent { Subscribed = true } });
        await host.SetProfileAsync(readers[2], new ReaderProfile { Newsletter = new NewsletterConsent { Subscribed = false } });

        var fantasy = await host.WaitCompletedAsync(await host.CreateAsync("""{"text":"Dragons","audience":{"kind":"interests","interests":["fantasy"]}}"""), _timeout);
        var subscribers = await host.WaitCompletedAsync(await host.CreateAsync("""{"text":"News","audience":{"kind":"subscribers"}}"""), _timeout);
        Assert.Equal(1, fantasy.GetProperty("sent").GetInt32());
        Assert.Equal(1, subscribers.GetProperty("sent").GetInt32());
        Assert.Equal("conv-r0", channel.Posts.Single(p => p.Text == "Dragons").ConversationId);
        Assert.Equal("conv-r1", channel.Posts.Single(p => p.Text == "News").ConversationId);
    }

    [Fact]
    public async Task An_event_audience_reaches_only_the_readers_who_RSVPd()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        var attendance = new FixedEventAttendance("signing", new ReaderKey("emulator", "r1"), new ReaderKey("emulator", "r3"), new ReaderKey("emulator", "gone"));
        await using var host = await AnnouncementHost.StartAsync(builder => builder.Services.AddSingleton<AuthorBot.Dialogs.Events.IEventAttendance>(attendance));
        await host.SeedReadersAsync(5, channel.ServiceUrl);
        var progress = await host.WaitCompletedAsync(await host.CreateAsync("""{"text":"See you at the signing","audience":{"kind":"event","eventId":"signing"}}"""), _timeout);
        Assert.Equal(2, progress.GetProperty("targeted").GetInt32());
        Assert.Equal(["conv-r1", "conv-r3"], channel.Posts.Select(p => p.ConversationId).Order().ToArray());
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_and_403_marks_the_reader_unreachable()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        channel.Inject = (conversation, before) => (conversation, before) switch
        {
            ("conv-r0", 0) => new AnnouncementChannel.Failure(429, RetryAfterSeconds: 1),
            ("conv-r1", < 2) => new AnnouncementChannel.Failure(502),
            ("conv-r2", _) => new AnnouncementChannel.Failure(403),
            ("conv-r3", 0) => new AnnouncementChannel.Failure(500),
            ("conv-r4", _) => new AnnouncementChannel.Failure(404),
            _ => null,
        };
        await using var host = await AnnouncementHost.StartAsync();
        await host.SeedReadersAsync(6, channel.ServiceUrl);
        var started = DateTime.UtcNow;

        var progress = await host.WaitCompletedAsync(await host.CreateAsync("""{"text":"Hello"}"""), _timeout);
        Assert.Equal(4, progress.GetProperty("sent").GetInt32());
        Assert.Equal(2, progress.GetProperty("failed").GetInt32());
        Assert.Equal(2, progress.GetProperty("unreachable").GetInt32());
        Assert.Equal(["conv-r0", "conv-r1", "conv-r3", "conv-r5"], channel.Posts.Select(p => p.ConversationId).Order().ToArray());
        var retried429 = channel.Posts.Single(p => p.ConversationId == "conv-r0");
        Assert.True(retried429.At - started >= TimeSpan.FromSeconds(0.9), "The 429's Retry-After was not honoured.");

        // Unreachable readers are left out of the next announcement instead of failing again.
        var next = await host.WaitCompletedAsync(await host.CreateAsync("""{"text":"Again"}"""), _timeout);
        Assert.Equal(4, next.GetProperty("targeted").GetInt32());
        Assert.Equal(4, next.GetProperty("sent").GetInt32());
    }

    [Fact]
    public async Task Variants_split_the_audience_and_results_compare_click_and_reply_rates()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        await host.SeedReadersAsync(40, channel.ServiceUrl);
        var id = await host.CreateAsync("""
            {"variants":[{"id":"A","text":"A: https://example.com/a","weight":1},{"id":"B","text":"B: https://example.com/b","weight":1}]}
            """);
        await host.WaitCompletedAsync(id, _timeout);
        var a = channel.Deliveries.Values.Where(d => d.Text!.StartsWith("A:", StringComparison.Ordinal)).ToList();
        var b = channel.Deliveries.Values.Where(d => d.Text!.StartsWith("B:", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, a.Count);
        Assert.Equal(20, b.Count);

        // Every A reader clicks; two B readers reply in the chat.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        foreach (var delivery in a)
        {
            using var click = await browser.GetAsync(new Uri(delivery.Text!.Split(' ')[1]));
            Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        }

        foreach (var delivery in b.Take(2))
        {
            var user = delivery.ConversationId["conv-".Length..];
            await host.Host.ExpectRepliesAsync(delivery.ConversationId, user, "sounds good");
            await host.Host.ExpectRepliesAsync(delivery.ConversationId, user, "a second reply counts once");
        }

        var results = await host.GetJsonAsync($"/api/announcements/{id}/results");
        var variants = results.GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("variant").GetString()!);
        Assert.Equal(20, variants["A"].GetProperty("clicked").GetInt32());
        Assert.Equal(1.0, variants["A"].GetProperty("clickRate").GetDouble());
        Assert.Equal(0, variants["B"].GetProperty("clicked").GetInt32());
        Assert.Equal(2, variants["B"].GetProperty("replied").GetInt32());
        Assert.Equal(0, variants["A"].GetProperty("replied").GetInt32());
        var clicks = results.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "clickRate");
        Assert.Equal("B", clicks.GetProperty("variant").GetString());
        Assert.True(clicks.GetProperty("z").GetDouble() < -5);
        Assert.True(clicks.GetProperty("significantAt95").GetBoolean());
        var replies = results.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "replyRate");
        Assert.False(replies.GetProperty("significantAt95").GetBoolean());
    }

    [Fact]
    public async Task Best_hour_schedules_wait_for_the_window_and_report_scheduled()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        await host.SeedReadersAsync(3, channel.ServiceUrl);
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var body = "{\"text\":\"Evening\",\"schedule\":{\"kind\":\"bestHour\",\"windowStart\":\"" + Iso(start) + "\",\"windowEnd\":\"" + Iso(start.AddDays(1)) + "\"}}";
        var id = await host.CreateAsync(body);
        await Task.Delay(300);
        var progress = await host.GetJsonAsync("/api/announcements/" + id);
        Assert.Equal("scheduled", progress.GetProperty("status").GetString());
        Assert.Equal(3, progress.GetProperty("pending").GetInt32());
        Assert.Equal(0, channel.PostCount);
    }

    [Fact]
    public async Task Deliveries_survive_a_restart_of_the_host_on_the_same_database()
    {
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "proactive.db");
        await using var channel = await AnnouncementChannel.StartAsync();
        string id;
        await using (var first = await AnnouncementHost.StartAsync($"--Proactive:DatabasePath={database}"))
        {
            await first.SeedReadersAsync(2, channel.ServiceUrl);
            id = await first.CreateAsync("{\"text\":\"Soon\",\"schedule\":{\"kind\":\"at\",\"at\":\"" + Iso(DateTimeOffset.UtcNow.AddSeconds(2)) + "\"}}");
        }

        await using var second = await AnnouncementHost.StartAsync($"--Proactive:DatabasePath={database}");
        var progress = await second.WaitCompletedAsync(id, _timeout);
        Assert.Equal(2, progress.GetProperty("sent").GetInt32());
        Assert.Equal(2, channel.PostCount);
    }

    private static string Iso(DateTimeOffset value) => value.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
