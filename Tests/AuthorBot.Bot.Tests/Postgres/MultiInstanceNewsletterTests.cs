using System.Net;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.Bot.Tests.Newsletter;

namespace AuthorBot.Bot.Tests.Postgres;

/// <summary>Double opt-in with two instances on one PostgreSQL: one outbox, one signing key, one cap.</summary>
[Collection(PostgresTests.Name)]
public sealed class MultiInstanceNewsletterTests(PostgresServer server)
{
    private static readonly TimeSpan _mailWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_signup_on_one_instance_sends_one_email_whose_link_confirms_on_the_other_and_the_resend_cap_counts_across_both()
    {
        using var folder = new TempFolder();
        var connectionString = await server.CreateDatabaseAsync();
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var a = await RunningHost.StartAsync([.. NewsletterEmailHostTests.Settings(smtp.Port), .. PostgresInstance.Settings(connectionString, folder.Path, "a"), "--Email:MaxConfirmationsPerDay=2"]);
        await using var b = await RunningHost.StartAsync([.. NewsletterEmailHostTests.Settings(smtp.Port), .. PostgresInstance.Settings(connectionString, folder.Path, "b"), "--Email:MaxConfirmationsPerDay=2"]);

        // Both instances poll the outbox; the one that claims the email sends it, and the other never does.
        Assert.Contains("confirmation link to alice@example.com", await NewsletterEmailHostTests.SignUpAsync(a, "u1", "alice@example.com"), StringComparison.Ordinal);
        var mail = await smtp.NextAsync(_mailWait);
        using (var confirmed = await b.Client.GetAsync(NewsletterEmailHostTests.ConfirmLink(mail, b.BaseAddress)))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Contains("You&#39;re subscribed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("already subscribed to the newsletter with alice@example.com", await a.ExpectRepliesAsync("c-u1", "u1", "subscribe"), StringComparison.Ordinal);
        Assert.True(await smtp.NothingMoreWithinAsync(TimeSpan.FromSeconds(1)), "Only one confirmation email is sent.");

        // The cap counts one address's emails whichever instance queued them, and whatever its case.
        Assert.Contains("emailed a confirmation link", await NewsletterEmailHostTests.SignUpAsync(a, "u8", "fi@example.com"), StringComparison.Ordinal);
        Assert.Contains("fresh confirmation link", await b.ExpectRepliesAsync("c-u8", "u8", "resend confirmation"), StringComparison.Ordinal);
        Assert.Contains("got several confirmation links recently", await NewsletterEmailHostTests.SignUpAsync(b, "u9", "FI@example.com"), StringComparison.Ordinal);
        await smtp.NextAsync(_mailWait);
        await smtp.NextAsync(_mailWait);
        Assert.True(await smtp.NothingMoreWithinAsync(TimeSpan.FromSeconds(1)), "No more than the cap reaches the inbox.");
    }
}
