using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.Bot.Newsletter;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;
using Microsoft.Extensions.Options;
using MimeKit;
using Spectre.Console;

namespace AuthorBot.Bot.Tests.Newsletter;

/// <summary>Double opt-in through the running host, with a real SMTP server on 127.0.0.1.</summary>
public partial class NewsletterEmailHostTests
{
    private const string ApiKey = "test-key-0123456789abcdef";
    private const string WebhookSecret = "webhook-secret-0123456789";
    private static readonly TimeSpan _mailWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Signup_sends_one_confirmation_email_whose_link_confirms_once_and_the_chat_agrees()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await RunningHost.StartAsync(Settings(smtp.Port));

        var answer = await SignUpAsync(host, "u1", "alice@example.com");
        Assert.Contains("confirmation link to alice@example.com", answer, StringComparison.Ordinal);
        Assert.Equal("", await ExportCsvRowsAsync(host));

        var mail = await smtp.NextAsync(_mailWait);
        Assert.Equal("alice@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal(ConfirmationEmailComposer.Subject, mail.Subject);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith($"<{host.BaseAddress.AbsoluteUri}newsletter/unsubscribe/", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        var link = ConfirmLink(mail);

        using (var first = await host.Client.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Contains("You&#39;re subscribed", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var second = await host.Client.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Contains("Already confirmed", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var forged = await host.Client.GetAsync(new Uri(link.AbsoluteUri[..^2] + (link.AbsoluteUri.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Contains("already subscribed to the newsletter with alice@example.com", await host.ExpectRepliesAsync("c-u1", "u1", "subscribe"), StringComparison.Ordinal);
        Assert.Contains("stay subscribed", await host.ExpectRepliesAsync("c-u1", "u1", "no"), StringComparison.Ordinal);
        var rows = await ExportCsvRowsAsync(host);
        Assert.StartsWith("alice@example.com,Alice,", rows, StringComparison.Ordinal);
        Assert.Contains("Shall I subscribe alice@example.com to the newsletter?", rows, StringComparison.Ordinal);
        Assert.EndsWith(",emulator", rows.TrimEnd(), StringComparison.Ordinal);
        Assert.True(await smtp.NothingMoreWithinAsync(TimeSpan.FromSeconds(1)), "Only one confirmation email is sent.");

        // "unsubscribe" in the chat takes the reader off the author's list too.
        Assert.Contains("is unsubscribed", await host.ExpectRepliesAsync("c-u1", "u1", "unsubscribe"), StringComparison.Ordinal);
        Assert.Equal("", await ExportCsvRowsAsync(host));
    }

    [Fact]
    public async Task An_expired_link_says_so_and_resend_sends_a_fresh_link_that_works()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await RunningHost.StartAsync([.. Settings(smtp.Port), "--Email:ConfirmationLifetime=00:00:01"]);
        await SignUpAsync(host, "u2", "bo@example.com");
        var old = ConfirmLink(await smtp.NextAsync(_mailWait));
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        using (var expired = await host.Client.GetAsync(old))
        {
            Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
            Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("fresh confirmation link to bo@example.com", await host.ExpectRepliesAsync("c-u2", "u2", "please resend the confirmation email"), StringComparison.Ordinal);
        var fresh = ConfirmLink(await smtp.NextAsync(_mailWait));
        Assert.NotEqual(old, fresh);
        using var confirmed = await host.Client.GetAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.StartsWith("bo@example.com,", await ExportCsvRowsAsync(host), StringComparison.Ordinal);

        // The author's command line gets the same list.
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "subscribers.csv");
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        Assert.Equal(2, await NewsletterExportCommand.RunAsync(["--url", host.BaseAddress.AbsoluteUri], console, null, CancellationToken.None));
        Assert.Equal(1, await NewsletterExportCommand.RunAsync(["--url", host.BaseAddress.AbsoluteUri, "--key", "wrong-key"], console, null, CancellationToken.None));
        Assert.Equal(0, await NewsletterExportCommand.RunAsync(["--url", host.BaseAddress.AbsoluteUri, "--key", ApiKey, "--out", file], console, null, CancellationToken.None));
        Assert.Contains("Wrote 1 confirmed subscriber(s)", writer.ToString(), StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("bo@example.com,Alice,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resends_to_one_address_are_capped_so_the_chat_cannot_flood_an_inbox()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await RunningHost.StartAsync([.. Settings(smtp.Port), "--Email:MaxConfirmationsPerDay=2"]);
        Assert.Contains("emailed a confirmation link", await SignUpAsync(host, "u8", "fi@example.com"), StringComparison.Ordinal);
        Assert.Contains("fresh confirmation link", await host.ExpectRepliesAsync("c-u8", "u8", "resend confirmation"), StringComparison.Ordinal);
        Assert.Contains("wait before sending another", await host.ExpectRepliesAsync("c-u8", "u8", "resend confirmation"), StringComparison.Ordinal);

        // Another chat identity typing the same address is held back too.
        Assert.Contains("got several confirmation links recently", await SignUpAsync(host, "u9", "FI@example.com"), StringComparison.Ordinal);
        await smtp.NextAsync(_mailWait);
        await smtp.NextAsync(_mailWait);
        Assert.True(await smtp.NothingMoreWithinAsync(TimeSpan.FromSeconds(1)), "No more than the cap reaches the inbox.");
    }

    [Fact]
    public async Task With_the_smtp_server_down_at_signup_the_email_goes_out_once_it_is_back()
    {
        var port = TestSmtpServer.FreePort();
        await using var host = await RunningHost.StartAsync(Settings(port));
        Assert.Contains("confirmation link", await SignUpAsync(host, "u3", "cy@example.com"), StringComparison.Ordinal);
        var store = host.Services.GetRequiredService<NewsletterStore>();
        var subscriber = await WaitForAsync(async () =>
        {
            var id = await SubscriberIdAsync(host, "u3");
            var outbox = id is null ? [] : await store.OutboxAsync(id, CancellationToken.None);
            return outbox is [{ Attempts: >= 2 }] ? id : null;
        });

        await using var smtp = await TestSmtpServer.StartAsync(port);
        var mail = await smtp.NextAsync(_mailWait);
        Assert.Equal("cy@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.True(await smtp.NothingMoreWithinAsync(TimeSpan.FromSeconds(1.5)), "The email is sent once, not once per failed attempt.");
        var (kind, state, _) = Assert.Single(await store.OutboxAsync(subscriber!, CancellationToken.None));
        Assert.Equal(("confirmation", "sent"), (kind, state));
    }

    [Fact]
    public async Task A_restart_loses_no_queued_confirmation()
    {
        using var folder = new TempFolder();
        var port = TestSmtpServer.FreePort();
        string[] settings =
        [
            .. Settings(port),
            "--Storage:Provider=Sqlite",
            $"--Storage:Sqlite:Path={Path.Combine(folder.Path, "state.db")}",
            $"--Proactive:DatabasePath={Path.Combine(folder.Path, "proactive.db")}",
        ];
        await using (var first = await RunningHost.StartAsync(settings))
        {
            Assert.Contains("confirmation link", await SignUpAsync(first, "u4", "di@example.com"), StringComparison.Ordinal);
        }

        await using var smtp = await TestSmtpServer.StartAsync(port);
        await using var second = await RunningHost.StartAsync(settings);
        var mail = await smtp.NextAsync(_mailWait);
        using var confirmed = await second.Client.GetAsync(ConfirmLink(mail, second.BaseAddress));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("already subscribed to the newsletter with di@example.com", await second.ExpectRepliesAsync("c-u4", "u4", "subscribe"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_click_unsubscribe_updates_the_chat_and_the_webhook_gets_signed_events()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var hook = await WebhookReceiver.StartAsync();
        await using var host = await RunningHost.StartAsync([.. Settings(smtp.Port), $"--Email:Webhook:Url={hook.Url}", $"--Email:Webhook:Secret={WebhookSecret}"]);
        await SignUpAsync(host, "u5", "ed@example.com");
        var mail = await smtp.NextAsync(_mailWait);
        using (var confirmed = await host.Client.GetAsync(ConfirmLink(mail)))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        var (headers, body) = await hook.NextAsync(_mailWait);
        AssertSigned(headers, body);
        using (var payload = JsonDocument.Parse(body))
        {
            Assert.Equal("subscriber.confirmed", payload.RootElement.GetProperty("type").GetString());
            Assert.Equal("ed@example.com", payload.RootElement.GetProperty("subscriber").GetProperty("email").GetString());
            Assert.Equal("emulator", payload.RootElement.GetProperty("subscriber").GetProperty("sourceChannel").GetString());
        }

        var unsubscribe = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        using (var page = await host.Client.GetAsync(unsubscribe))
        {
            // Opening the link only asks; mail scanners follow links.
            Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.StartsWith("ed@example.com,", await ExportCsvRowsAsync(host), StringComparison.Ordinal);
        using (var oneClick = await host.Client.PostAsync(unsubscribe, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded")))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        (headers, body) = await hook.NextAsync(_mailWait);
        AssertSigned(headers, body);
        Assert.Contains("\"type\":\"subscriber.unsubscribed\"", body, StringComparison.Ordinal);
        Assert.Equal("", await ExportCsvRowsAsync(host));
        Assert.Equal("You're not subscribed to the newsletter, so there's nothing to stop.", await host.ExpectRepliesAsync("c-u5", "u5", "unsubscribe"));
    }

    [Fact]
    public async Task A_refused_address_is_recorded_and_export_and_delete_my_data_cover_the_email_events()
    {
        await using var smtp = await TestSmtpServer.StartAsync(null, "nobody@example.com");
        await using var host = await RunningHost.StartAsync(Settings(smtp.Port));
        await SignUpAsync(host, "u6", "nobody@example.com");
        var store = host.Services.GetRequiredService<NewsletterStore>();
        var reader = new ReaderKey("emulator", "u6");
        var export = await WaitForAsync(async () => (await store.ExportAsync(reader, CancellationToken.None))?.ToJsonString() is { } json && json.Contains("delivery-failed", StringComparison.Ordinal) ? json : null);
        Assert.Contains("refused the message to nobody@example.com", export, StringComparison.Ordinal);

        var exported = await ExportMyDataAsync(host, "u6");
        var emails = exported.RootElement.GetProperty("data").GetProperty("newsletter emails");
        Assert.Equal("nobody@example.com", emails.GetProperty("subscriber")[0].GetProperty("email").GetString());
        Assert.Contains(emails.GetProperty("events").EnumerateArray(), e => e.GetProperty("event").GetString() == "confirmation-queued");
        Assert.Contains(emails.GetProperty("events").EnumerateArray(), e => e.GetProperty("event").GetString() == "delivery-failed");

        Assert.Contains("Delete everything?", await host.ExpectRepliesAsync("c-u6", "u6", "delete my data"), StringComparison.Ordinal);
        Assert.Contains("deleted everything", await host.ExpectRepliesAsync("c-u6", "u6", "yes"), StringComparison.Ordinal);
        Assert.Null(await store.ExportAsync(reader, CancellationToken.None));
    }

    [Fact]
    public async Task Without_email_settings_a_yes_subscribes_and_the_email_routes_are_off()
    {
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--Announcements:ApiKey={ApiKey}"]);
        Assert.Equal("Thanks Alice, you're subscribed.", await SignUpAsync(host, "u7", "al@example.com"));
        using var confirm = await host.Client.GetAsync(new Uri("/newsletter/confirm/abc.def", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        using var csv = await ExportAsync(host, ApiKey);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, csv.StatusCode);
    }

    [Fact]
    public async Task Bad_email_settings_stop_the_host_with_a_message_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningHost.StartAsync(["--Storage:Provider=Memory", "--Email:From=news@example.org", "--Email:Smtp:User=someone"]));
        Assert.Contains("Email:Smtp:Host", error.Message, StringComparison.Ordinal);
        Assert.Contains("Email:Smtp:Password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_needs_the_api_key()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await RunningHost.StartAsync(Settings(smtp.Port));
        using var none = await ExportAsync(host, null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using var wrong = await ExportAsync(host, "wrong-key");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var right = await ExportAsync(host, ApiKey);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("text/csv", right.Content.Headers.ContentType?.MediaType);
    }

    internal static string[] Settings(int smtpPort) =>
    [
        "--Storage:Provider=Memory",
        $"--Announcements:ApiKey={ApiKey}",
        "--Email:From=Jo Author <news@example.org>",
        "--Email:Smtp:Host=127.0.0.1",
        $"--Email:Smtp:Port={smtpPort}",
        "--Email:Smtp:Security=None",
        "--Email:Smtp:Timeout=00:00:05",
        "--Email:RetryBaseDelay=00:00:00.100",
        "--Email:RetryMaxDelay=00:00:00.300",
        "--Email:MaxPerMinute=6000",
    ];

    internal static async Task<string> SignUpAsync(RunningHost host, string userId, string email)
    {
        var conversation = "c-" + userId;
        Assert.Contains("name", await host.ExpectRepliesAsync(conversation, userId, "subscribe to the newsletter"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("email", await host.ExpectRepliesAsync(conversation, userId, "Alice"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(email, await host.ExpectRepliesAsync(conversation, userId, email), StringComparison.Ordinal);
        return await host.ExpectRepliesAsync(conversation, userId, "yes");
    }

    internal static Uri ConfirmLink(MimeMessage mail, Uri? host = null)
    {
        var match = ConfirmUrl().Match(mail.TextBody ?? string.Empty);
        Assert.True(match.Success, "The email has a confirmation link: " + mail.TextBody);
        var link = new Uri(match.Value);

        // After a restart the host listens on another free port; the path is what the link carries.
        return host is null ? link : new Uri(host, link.PathAndQuery);
    }

    private static async Task<HttpResponseMessage> ExportAsync(RunningHost host, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, NewsletterEndpoints.ExportPath);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await host.Client.SendAsync(request);
    }

    /// <summary>The CSV's rows after the header line.</summary>
    private static async Task<string> ExportCsvRowsAsync(RunningHost host)
    {
        using var response = await ExportAsync(host, ApiKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("email,name,confirmed_at,consented_at,consent_wording,source_channel", text, StringComparison.Ordinal);
        return text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
    }

    private static async Task<JsonDocument> ExportMyDataAsync(RunningHost host, string userId)
    {
        var activity = RunningHost.NewMessage("c-" + userId, userId, "export my data", "http://127.0.0.1:1");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var response = await host.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var url = body.RootElement.GetProperty("activities").EnumerateArray()
            .SelectMany(a => a.TryGetProperty("attachments", out var list) ? list.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(a => a.GetProperty("contentUrl").GetString())
            .Single(u => u is not null && u.StartsWith("data:application/json;base64,", StringComparison.Ordinal))!;
        return JsonDocument.Parse(Convert.FromBase64String(url["data:application/json;base64,".Length..]));
    }

    private static async Task<string?> SubscriberIdAsync(RunningHost host, string userId)
    {
        var database = host.Services.GetRequiredService<AuthorBot.Bot.Proactive.ProactiveDatabase>();
        return await database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id FROM newsletter_subscribers WHERE channel_id = 'emulator' AND user_id = $u;";
                ((Microsoft.Data.Sqlite.SqliteCommand)command).Parameters.AddWithValue("$u", userId);
                return await command.ExecuteScalarAsync() as string;
            },
            CancellationToken.None);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        for (var i = 0; i < 150; i++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The condition did not come true within 15 seconds.");
    }

    private static void AssertSigned(IReadOnlyDictionary<string, string> headers, string body)
    {
        var timestamp = headers[NewsletterWebhookSender.TimestampHeader];
        Assert.True(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(NewsletterWebhookSender.Sign(WebhookSecret, timestamp, body), headers[NewsletterWebhookSender.SignatureHeader]);
        Assert.NotEqual(NewsletterWebhookSender.Sign(WebhookSecret + "x", timestamp, body), headers[NewsletterWebhookSender.SignatureHeader]);
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/newsletter/confirm/[A-Za-z0-9_\-.]+")]
    private static partial Regex ConfirmUrl();
}
