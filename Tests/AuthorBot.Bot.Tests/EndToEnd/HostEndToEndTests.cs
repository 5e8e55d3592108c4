using System.Net;
using System.Text;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.State;

namespace AuthorBot.Bot.Tests.EndToEnd;

public class HostEndToEndTests
{
    [Fact]
    public async Task Signup_runs_over_http_with_expectReplies()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();
        Assert.Contains("name", await host.ExpectRepliesAsync("c1", "u1", "subscribe to the newsletter"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("email", await host.ExpectRepliesAsync("c1", "u1", "Alice"), StringComparison.OrdinalIgnoreCase);
        var confirm = await host.ExpectRepliesAsync("c1", "u1", "alice@example.com");
        Assert.Contains("newsletter", confirm, StringComparison.Ordinal);
        Assert.Contains("alice@example.com", confirm, StringComparison.Ordinal);
        Assert.Equal("Thanks Alice, you're subscribed.", await host.ExpectRepliesAsync("c1", "u1", "yes"));
    }

    [Fact]
    public async Task Normal_delivery_posts_replies_to_the_channel_serviceUrl()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var host = await RunningHost.StartWithMemoryAsync();
        var message = RunningHost.NewMessage("conv:with/odd;chars", "u1", "subscribe to the newsletter", channel.ServiceUrl);

        using var response = await host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var reply = await channel.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("name", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(message.Id, reply.ReplyToId);
        Assert.Equal("conv:with/odd;chars", reply.Conversation?.Id);
        Assert.Equal("u1", reply.Recipient?.Id);
        var (path, _) = Assert.Single(channel.Calls);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString("conv:with/odd;chars")}/activities/{message.Id}", path);
    }

    [Fact]
    public async Task Bad_requests_get_clear_status_codes_and_the_host_keeps_serving()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();
        using (var get = await host.Client.GetAsync(new Uri("/api/messages", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        }

        foreach (var body in new[] { "not json", "[1,2]", "{\"text\":\"no type\"}", new string('[', 5000) })
        {
            using var response = await host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var huge = "{\"type\":\"message\",\"text\":\"" + new string('a', 300_000) + "\"}";
        using (var tooBig = await host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(huge, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        }

        using var health = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("Memory")]
    [InlineData("Sqlite")]
    public async Task Thirty_two_parallel_turns_for_one_reader_lose_no_update(string provider)
    {
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(
            [$"--Storage:Provider={provider}", $"--Storage:Sqlite:Path={Path.Combine(folder.Path, "state.db")}"],
            builder => builder.Services.AddSingleton<IBot>(sp => new CountingBot(sp.GetRequiredService<UserState>())));

        var turns = Enumerable.Range(0, 32).Select(i => host.ExpectRepliesAsync($"conv-{i}", "same-reader", "count"));
        await Task.WhenAll(turns);

        var last = await host.ExpectRepliesAsync("conv-final", "same-reader", "count");
        Assert.Equal("33", last);
    }

    [Fact]
    public async Task Sqlite_state_survives_a_restart_of_the_host()
    {
        using var folder = new TempFolder();
        string[] settings = ["--Storage:Provider=Sqlite", $"--Storage:Sqlite:Path={Path.Combine(folder.Path, "nested", "authorbot.db")}"];
        await using (var first = await RunningHost.StartAsync(settings))
        {
            await first.ExpectRepliesAsync("c1", "u1", "subscribe");
            await first.ExpectRepliesAsync("c1", "u1", "Alice");
            await first.ExpectRepliesAsync("c1", "u1", "alice@example.com");
            Assert.Equal("Thanks Alice, you're subscribed.", await first.ExpectRepliesAsync("c1", "u1", "yes"));
        }

        await using var second = await RunningHost.StartAsync(settings);
        var reply = await second.ExpectRepliesAsync("c2", "u1", "subscribe");
        Assert.Contains("already subscribed to the newsletter with alice@example.com", reply, StringComparison.Ordinal);
    }

    /// <summary>A bot whose every turn increments a per-reader counter, to expose lost updates.</summary>
    private sealed class CountingBot(UserState userState) : IBot
    {
        private readonly IStatePropertyAccessor<int> _count = userState.CreateProperty<int>("count");

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var count = await _count.GetAsync(turnContext, () => 0, cancellationToken) + 1;
            await _count.SetAsync(turnContext, count, cancellationToken);
            await turnContext.SendActivityAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        }
    }
}
