using System.Net;
using AuthorBot.Bot.Proactive;
using AuthorBot.Bot.Tests.Announcements;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Auth;

/// <summary>The running host with an app id: what an attacker without a channel's token can and cannot do.</summary>
public sealed class ChannelAuthenticationHostTests
{
    private const string AppId = "7c5c1c10-4a4e-4b8e-9d3c-5b2f0a9e1d42";

    // Nothing listens at these: a token that got as far as a key lookup would be refused as well, never answered 5xx.
    private static readonly string[] _authenticated =
    [
        "--MicrosoftAppId=" + AppId,
        "--MicrosoftAppPassword=not-used-by-these-tests",
        "--ToBotFromChannelOpenIdMetadataUrl=http://127.0.0.1:9/v1/.well-known/openidconfiguration",
        "--ToBotFromEmulatorOpenIdMetadataUrl=http://127.0.0.1:9/common/v2.0/.well-known/openid-configuration",
    ];

    [Fact]
    public async Task Without_a_valid_token_export_my_data_is_401_and_nothing_is_sent_anywhere_or_stored()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync(_authenticated);
        var victim = new ReaderKey("msteams", "29:victim");
        await host.SetProfileAsync(victim, new ReaderProfile { Name = "Vera Victim", Email = "vera@example.com" });

        string?[] headers =
        [
            null,
            "Bearer not-a-jwt",
            "Basic dXNlcjpwYXNz",
            // alg none, channel issuer, this bot's audience, the attacker's service URL as the claim.
            "Bearer eyJhbGciOiJub25lIiwia2lkIjoiYmYta2V5LTEifQ.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIiwiYXVkIjoiN2M1YzFjMTAtNGE0ZS00YjhlLTlkM2MtNWIyZjBhOWUxZDQyIn0.",
        ];
        foreach (var header in headers)
        {
            var activity = RunningHost.NewMessage("a:attacker-conversation", victim.UserId, "export my data", channel.ServiceUrl);
            activity.ChannelId = victim.ChannelId;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
            {
                Content = new ByteArrayContent(BotJson.SerializeToUtf8Bytes(activity)) { Headers = { ContentType = new("application/json") } },
            };
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", header);
            }

            using var response = await host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("vera", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        await Task.Delay(300);
        Assert.Empty(channel.Calls);
        Assert.Null(await host.Host.Services.GetRequiredService<ConversationReferenceStore>().FindAsync(victim, CancellationToken.None));
    }

    [Fact]
    public async Task A_reference_stored_while_anonymous_gets_no_announcement_once_an_app_id_is_set()
    {
        await using var channel = await FakeChannel.StartAsync();
        using var folder = new TempFolder();
        string[] data = [$"--Proactive:DatabasePath={Path.Combine(folder.Path, "proactive.db")}"];

        // Anonymous (e.g. a trial run, or an attacker before the app id was set) leaves a reference behind.
        await using (var anonymous = await AnnouncementHost.StartAsync(data))
        {
            Assert.NotEmpty(await channel.SayAsync(anonymous.Host, "conv-early", "early-reader", "hi"));
        }

        var before = channel.Calls.Count;
        await using var host = await AnnouncementHost.StartAsync([.. data, .. _authenticated]);
        var id = await host.CreateAsync("""{"text":"Launch day!"}""");
        var progress = await host.WaitCompletedAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(before, channel.Calls.Count);
        Assert.Equal(0, progress.GetProperty("sent").GetInt32());
        Assert.Equal(1, progress.GetProperty("failed").GetInt32());
    }
}
