using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Events;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Recommenders.Interactions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.WebChat.Tests;

/// <summary>
/// The author's dashboard at /dashboard in headless Chromium against the real host: signing in with the
/// announcements API key (and being refused without it), the charts drawn from data the bot stored, an announcement
/// created from the page, and axe-core.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DashboardTests(ChromiumFixture chromium)
{
    private const string ApiKey = "dashboard-test-key-0123456789abcdef";

    [Fact]
    public async Task Signing_in_needs_the_api_key_and_sets_an_http_only_strict_cookie()
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await using var context = await NewAuthorAsync();
        var page = await context.NewPageAsync();
        var dashboard = new Uri(host.BaseAddress, "/dashboard").ToString();

        // Without signing in there is only the form, and the data endpoints refuse.
        await page.GotoAsync(dashboard);
        await Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        var refused = await context.APIRequest.GetAsync(new Uri(host.BaseAddress, "/dashboard/api/overview").ToString());
        Assert.Equal(401, refused.Status);
        Assert.Empty(await context.CookiesAsync());

        // A wrong key is refused with a 401 and a message, and no cookie.
        await page.GetByLabel("API key").FillAsync("not-the-key");
        var wrong = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync(), r => r.Url.EndsWith("/dashboard/signin", StringComparison.Ordinal));
        Assert.Equal(401, wrong.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That is not the announcements API key.");
        Assert.Empty(await context.CookiesAsync());

        await SignInAsync(page, host);
        Assert.DoesNotContain(ApiKey, page.Url, StringComparison.Ordinal);
        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(ApiKey, cookie.Value, StringComparison.Ordinal);
        Assert.Equal(200, (await context.APIRequest.GetAsync(new Uri(host.BaseAddress, "/dashboard/api/overview").ToString())).Status);

        // Page script cannot read the session.
        Assert.Equal(string.Empty, await page.EvaluateAsync<string>("() => document.cookie"));

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        Assert.Equal(401, (await context.APIRequest.GetAsync(new Uri(host.BaseAddress, "/dashboard/api/overview").ToString())).Status);
    }

    [Fact]
    public async Task The_charts_show_the_readers_subscribers_rsvps_and_feedback_the_bot_stored()
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await SeedAsync(host);
        await using var context = await NewAuthorAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, host);

        await Expect(page.Locator("#readers-total")).ToHaveTextAsync("3");
        await Expect(page.Locator("#subscribers-total")).ToHaveTextAsync("2");
        // Three days charted: one reader a day; a subscriber two days ago and one today.
        Assert.Equal("[[1,2,3],[1,1,2]]", await ChartDataAsync(page, "audience-chart"));
        var labels = await page.EvaluateAsync<string>("() => JSON.stringify(Chart.getChart('audience-chart').data.labels)");
        Assert.Equal(JsonSerializer.Serialize(new[] { Day(-2), Day(-1), Day(0) }), labels);

        // Events in file order: the launch party, the webinar, the Edinburgh signing (2 seats taken of 2, 1 waiting).
        Assert.Equal("[[0,0,2],[0,0,1]]", await ChartDataAsync(page, "events-chart"));
        var signing = page.Locator("#events-table tbody tr").Filter(new LocatorFilterOptions { HasText = "Edinburgh" });
        await Expect(signing.Locator("td").Nth(3)).ToHaveTextAsync("2");
        await Expect(signing.Locator("td").Nth(4)).ToHaveTextAsync("1");

        // Two "sounds good" and one "not for me": 66.7 % and 33.3 % of the three answers.
        var feedback = await page.EvaluateAsync<string>("() => { const c = Chart.getChart('feedback-chart'); return JSON.stringify(Object.fromEntries(c.data.labels.map((l, i) => [l, c.data.datasets[0].data[i]]))); }");
        using (var shares = JsonDocument.Parse(feedback))
        {
            Assert.Equal(66.7, shares.RootElement.GetProperty("Like").GetDouble());
            Assert.Equal(33.3, shares.RootElement.GetProperty("NotInterested").GetDouble());
            Assert.Equal(0, shares.RootElement.GetProperty("AlreadyRead").GetDouble());
        }

        await Expect(page.Locator("#feedback-total")).ToHaveTextAsync("3 answers to recommendations.");
    }

    [Fact]
    public async Task An_announcement_created_from_the_page_is_validated_previewed_and_shows_its_progress()
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await SeedAsync(host);
        await using var context = await NewAuthorAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, host);

        await page.GetByLabel("Name (for you)").FillAsync("Signing reminder");
        await page.GetByLabel("Who receives it").SelectOptionAsync("all");
        await page.GetByLabel("When").SelectOptionAsync("at");
        var at = DateTime.Now.AddDays(2);
        await page.GetByLabel("At / window start (your time)").FillAsync(at.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));

        // The API's own validation, shown on the page.
        await page.Locator("#a-text-A").FillAsync("Hello {nickname}");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("#form-error")).ToContainTextAsync("Unknown placeholder '{nickname}'");

        await page.Locator("#a-text-A").FillAsync("Hello {firstName}, see you in Edinburgh?");
        await page.GetByLabel("A/B test with a second variant").CheckAsync();
        await page.Locator("#a-text-B").FillAsync("{firstName}, Maren signs books in Edinburgh");
        await page.Locator("#a-card-B").FillAsync("Signing at Lantern Books");
        await page.Locator("#a-button-B").FillAsync("Details");
        await page.Locator("#a-url-B").FillAsync("https://maren-holloway.example.com/events/edinburgh");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Preview" }).ClickAsync();
        await Expect(page.Locator("#form-error")).ToBeHiddenAsync();
        await Expect(page.Locator("#preview-items article")).ToHaveCountAsync(2);
        await Expect(page.Locator("#preview-items article").First).ToContainTextAsync("Hello Ada, see you in Edinburgh?");
        await Expect(page.Locator("#preview-items article").Last).ToContainTextAsync("Ada, Maren signs books in Edinburgh");
        await Expect(page.Locator("#preview-items article").Last.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Details" })).ToHaveAttributeAsync("href", "https://maren-holloway.example.com/events/edinburgh");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create announcement" }).ClickAsync();
        var row = page.Locator("#announcements-table tbody tr").Filter(new LocatorFilterOptions { HasText = "Signing reminder" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(1)).ToContainTextAsync(new Regex("^scheduled for "));
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("3");
        await Expect(row.Locator("progress")).ToHaveAttributeAsync("value", "0");

        // Its results: both variants, each with a rate and an interval, and the z-test rows.
        await Expect(page.Locator("#detail-title")).ToHaveTextAsync("Signing reminder");
        await Expect(page.Locator("#variants-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#variants-table tbody tr").First.Locator("td").First).ToHaveTextAsync("A");
        await Expect(page.Locator("#variants-table tbody tr").First.Locator("td").Nth(2)).ToHaveTextAsync("0.0 % (0.0 %–0.0 %)");
        await Expect(page.Locator("#comparisons-table tbody tr")).ToHaveCountAsync(3);

        // The same announcement through the API, as the CLI sees it.
        var id = await row.GetAttributeAsync("data-id");
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        using var progress = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/announcements/" + id, UriKind.Relative)));
        Assert.Equal("scheduled", progress.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, progress.RootElement.GetProperty("targeted").GetInt32());

        await Screenshots.TakeAsync(page, "dashboard");
    }

    [Fact]
    public async Task Missed_messages_are_listed_most_asked_first_and_taught_and_inbox_messages_are_marked_handled()
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await DashboardSeed.MissesAsync(host);
        await DashboardSeed.InboxAsync(host);
        await using var context = await NewAuthorAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, host);
        await Expect(page.Locator("body[data-understanding-loaded=true]")).ToHaveCountAsync(1);

        // One row per wording, most asked first, with the bot's guess preselected.
        var misses = page.Locator("#misses-table tbody tr");
        await Expect(misses).ToHaveCountAsync(2);
        await Expect(misses.First.Locator("td").Nth(0)).ToHaveTextAsync("Do you sign ebooks?");
        await Expect(misses.First.Locator("td").Nth(1)).ToHaveTextAsync("3");
        await Expect(misses.First.Locator("td").Nth(3)).ToHaveTextAsync("faq:signed-copies (41.0 %)");
        await Expect(misses.Nth(1).Locator("td").Nth(0)).ToHaveTextAsync("is there an audio version");

        await Screenshots.TakeAsync(page, "dashboard-misses-inbox");

        // Teaching a wording labels every message in it, through the understanding API's own validation; the row leaves
        // the list.
        await misses.First.GetByRole(AriaRole.Combobox, new LocatorGetByRoleOptions { Name = "What \"Do you sign ebooks?\" meant" }).SelectOptionAsync("formats");
        await misses.First.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#misses-status")).ToHaveTextAsync("Learned: \"Do you sign ebooks?\" means formats.");
        await Expect(misses).ToHaveCountAsync(1);
        await Expect(misses.First.Locator("td").First).ToHaveTextAsync("is there an audio version");
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        using (var all = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/understanding/misses?all=true", UriKind.Relative))))
        {
            var labelled = all.RootElement.EnumerateArray().Where(m => m.TryGetProperty("label", out _)).ToList();
            Assert.Equal(3, labelled.Count);
            Assert.All(labelled, m => Assert.Equal("formats", m.GetProperty("label").GetString()));
            Assert.All(labelled, m => Assert.Equal("Do you sign ebooks?", m.GetProperty("text").GetString()));
        }

        // The inbox: who, what, how to reply; marking it handled is kept by the API too.
        var message = page.Locator("#inbox-table tbody tr");
        await Expect(message).ToHaveCountAsync(1);
        await Expect(page.Locator("#inbox-summary")).ToHaveTextAsync("1 waiting for you, 0 handled.");
        await Expect(message).ToContainTextAsync("Could you visit our book club in Leith?");
        await Expect(message).ToContainTextAsync("ada@example.com");
        await message.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Mark handled: the message from Ada" }).ClickAsync();
        await Expect(page.Locator("#inbox-summary")).ToHaveTextAsync("0 waiting for you, 1 handled.");
        await Expect(message.Locator("td").Last).ToContainTextAsync("Handled ");
        using (var unread = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/understanding/inbox", UriKind.Relative))))
        {
            Assert.Equal(0, unread.RootElement.GetArrayLength());
        }

        // The same endpoints refuse without the session, and a bad label gets the API's 400, not a 5xx.
        var anonymous = await chromium.Browser.NewContextAsync();
        await using (anonymous)
        {
            Assert.Equal(401, (await anonymous.APIRequest.GetAsync(new Uri(host.BaseAddress, "/dashboard/api/inbox").ToString())).Status);
            Assert.Equal(401, (await anonymous.APIRequest.PostAsync(new Uri(host.BaseAddress, "/dashboard/api/inbox/1/read").ToString(), new APIRequestContextOptions { DataObject = new { } })).Status);
        }

        var bad = await context.APIRequest.PostAsync(new Uri(host.BaseAddress, "/dashboard/api/misses/1/label").ToString(), new APIRequestContextOptions { DataObject = new { intent = "no-such-intent" } });
        Assert.Equal(400, bad.Status);
        var notJson = await context.APIRequest.PostAsync(new Uri(host.BaseAddress, "/dashboard/api/inbox/1/read").ToString(), new APIRequestContextOptions { Form = context.APIRequest.CreateFormData() });
        Assert.Equal(415, notJson.Status);

        Assert.Empty(await Axe.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violations_on_the_dashboard_or_its_sign_in()
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await SeedAsync(host);
        await DashboardSeed.MissesAsync(host);
        await DashboardSeed.InboxAsync(host);
        await using var context = await NewAuthorAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard").ToString());
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await SignInAsync(page, host);
        await Expect(page.Locator("#inbox-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#misses-table tbody tr")).ToHaveCountAsync(2);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
    }

    private static string Day(int offset) => DateTimeOffset.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<string> ChartDataAsync(IPage page, string canvas) =>
        page.EvaluateAsync<string>($"() => JSON.stringify(Chart.getChart('{canvas}').data.datasets.map(d => d.data))");

    private static async Task SignInAsync(IPage page, BotHost host)
    {
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard").ToString());
        await page.GetByLabel("API key").FillAsync(ApiKey);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Maren Holloway's dashboard");
        await Expect(page.Locator("body[data-loaded=true]")).ToHaveCountAsync(1);
    }

    // Three readers first seen on three days, two of them subscribed, two with seats at the Edinburgh signing and one
    // on its waiting list, and three answers to recommendations: stored where and how the bot itself stores them.
    private static async Task SeedAsync(BotHost host)
    {
        using (var http = new HttpClient { BaseAddress = host.BaseAddress })
        {
            // Readiness touches the proactive database, which creates its tables.
            (await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var now = DateTimeOffset.UtcNow;
        var readers = new[] { (Id: "dl_r1", Seen: now.AddDays(-2)), (Id: "dl_r2", Seen: now.AddDays(-1)), (Id: "dl_r3", Seen: now) };
        await using (var connection = new SqliteConnection($"Data Source={host.ProactiveDatabasePath}"))
        {
            await connection.OpenAsync();
            foreach (var (id, seen) in readers)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO conversation_references (channel_id, user_id, conversation_id, adapter, is_group, reference_json, captured_at)
                    VALUES ('webchat', $u, $c, 'directline', 0, '{}', $at);
                    """;
                insert.Parameters.AddWithValue("$u", id);
                insert.Parameters.AddWithValue("$c", "conv-" + id);
                insert.Parameters.AddWithValue("$at", seen.ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync();
            }
        }

        var storage = host.Services.GetRequiredService<IStorage>();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["webchat/users/dl_r1"] = Profile("Ada", now.AddDays(-2)),
            ["webchat/users/dl_r3"] = Profile("Grace", now),
        });

        var content = host.Services.GetRequiredService<AuthorContent>();
        var signing = content.Events.Single(e => e.Id == "edinburgh-signing");
        var small = signing with { Capacity = 2 };
        var rsvps = host.Services.GetRequiredService<EventRsvpService>();
        foreach (var (id, _) in readers)
        {
            await rsvps.RsvpAsync(small, new ReaderKey("webchat", id), NodaTime.DateTimeZone.Utc, CancellationToken.None);
        }

        var recommender = host.Services.GetRequiredService<ReaderRecommender>();
        var catalog = await recommender.CatalogAsync(CancellationToken.None);
        await recommender.RecordAsync(new Interaction("webchat/dl_r1", catalog[0].Id, InteractionKind.Like, now), CancellationToken.None);
        await recommender.RecordAsync(new Interaction("webchat/dl_r2", catalog[0].Id, InteractionKind.Like, now), CancellationToken.None);
        await recommender.RecordAsync(new Interaction("webchat/dl_r3", catalog[1].Id, InteractionKind.NotInterested, now), CancellationToken.None);
    }

    private static Dictionary<string, object> Profile(string name, DateTimeOffset consented) => new()
    {
        ["ReaderProfile"] = new ReaderProfile
        {
            Name = name,
            Email = name.ToLowerInvariant() + "@example.com",
            Newsletter = new NewsletterConsent { Subscribed = true, Email = name.ToLowerInvariant() + "@example.com", ConsentedAt = consented, ChannelId = "webchat" },
        },
    };

    private static Task<BotHost> StartHostAsync(TempFolder data) => BotHost.StartAsync(data.Path, $"--Announcements:ApiKey={ApiKey}");

    private Task<IBrowserContext> NewAuthorAsync() => chromium.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        Locale = "en-US",
    });
}
