using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Profile;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Tests.Reliability;

/// <summary>The Web Chat reader's identity: issued by the bot, bound to the browser, never granted for a name alone.</summary>
public sealed class ReaderIdentityTests
{
    private const string Secret = "reader-identity-test-secret-0123456789";

    [Fact]
    public async Task A_token_request_naming_another_readers_id_cannot_read_that_readers_data()
    {
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--DirectLine:DataDirectory={folder.Path}"]);

        // The victim chats from their browser; the bot knows their name and email.
        using var victimBrowser = Browser(host);
        var victim = await GrantAsync(victimBrowser, "{}");
        await SetProfileAsync(host, victim.UserId, new ReaderProfile { Name = "Vera Victim", Email = "vera@example.com" });

        // The attacker learned the victim's id (it is in the victim's token claims and in every from.id) and names it.
        using var attackerBrowser = Browser(host);
        var attacker = await GrantAsync(attackerBrowser, $$"""{"userId":"{{victim.UserId}}"}""");
        Assert.NotEqual(victim.UserId, attacker.UserId);

        // Even with a cookie of their own, naming the victim gets a fresh id, not the victim's.
        var again = await GrantAsync(attackerBrowser, $$"""{"userId":"{{victim.UserId}}"}""");
        Assert.NotEqual(victim.UserId, again.UserId);

        foreach (var grant in new[] { attacker, again })
        {
            using var chat = await StartAsync(host, grant.Token);
            foreach (var ask in new[] { "what do you know about me", "export my data" })
            {
                using var posted = await PostAsync(chat.Client, chat.ConversationId, ask);
                Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            }

            var log = await chat.Client.GetStringAsync(new Uri($"conversations/{chat.ConversationId}/activities", UriKind.Relative));
            Assert.DoesNotContain("vera", log, StringComparison.OrdinalIgnoreCase);
        }

        // The victim's own browser is still the victim, and the cookie is renewed on every request.
        using var renewed = await victimBrowser.PostAsync(new Uri("/api/directline/token", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Contains(renewed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("authorbot.reader=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        using var body = JsonDocument.Parse(await renewed.Content.ReadAsStringAsync());
        Assert.Equal(victim.UserId, body.RootElement.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task A_reader_cookie_outlives_a_restart_of_the_bot()
    {
        using var folder = new TempFolder();
        string[] settings = ["--Storage:Provider=Memory", $"--DirectLine:DataDirectory={folder.Path}"];
        var cookies = new CookieContainer();
        string first;
        await using (var host = await RunningHost.StartAsync(settings))
        {
            using var browser = Browser(host, cookies);
            first = (await GrantAsync(browser, "{}")).UserId;
        }

        await using (var host = await RunningHost.StartAsync(settings))
        {
            // The port changed, so the cookie is carried over by hand, as the browser would for the same origin.
            var carried = new CookieContainer();
            foreach (Cookie cookie in cookies.GetAllCookies())
            {
                carried.Add(host.BaseAddress, new Cookie(cookie.Name, cookie.Value, cookie.Path));
            }

            using var browser = Browser(host, carried);
            Assert.Equal(first, (await GrantAsync(browser, "{}")).UserId);
        }
    }

    [Fact]
    public async Task A_client_that_names_its_own_id_on_a_token_without_one_may_not_see_or_delete_stored_data()
    {
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--DirectLine:DataDirectory={folder.Path}", $"--DirectLine:Secret={Secret}"]);
        await SetProfileAsync(host, "alice", new ReaderProfile { Name = "Alice Example", Email = "alice@example.com" });

        // A token the bot's backend generated without a user id: its holder may call itself anything (but not dl_...).
        using var backend = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "/v3/directline/") };
        backend.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var generated = await backend.PostAsync(new Uri("tokens/generate", UriKind.Relative), null);
        generated.EnsureSuccessStatusCode();
        using var generatedJson = JsonDocument.Parse(await generated.Content.ReadAsStringAsync());
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "/v3/directline/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", generatedJson.RootElement.GetProperty("token").GetString());
        using var start = await client.PostAsync(new Uri("conversations", UriKind.Relative), new StringContent("""{"user":{"id":"alice"}}""", Encoding.UTF8, "application/json"));
        start.EnsureSuccessStatusCode();
        using var started = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
        var conversationId = started.RootElement.GetProperty("conversationId").GetString()!;

        foreach (var ask in new[] { "what do you know about me", "export my data", "delete my data" })
        {
            using var posted = await PostAsync(client, conversationId, ask, "alice");
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var log = await client.GetStringAsync(new Uri($"conversations/{conversationId}/activities", UriKind.Relative));
        Assert.DoesNotContain("alice@example.com", log, StringComparison.Ordinal);
        Assert.Contains("confirm who you are", log, StringComparison.Ordinal);
        var profile = await new AuthorBot.Dialogs.Privacy.StoredReaderProfiles(host.Services.GetRequiredService<IStorage>()).ReadProfileAsync(new ReaderKey("directline", "alice"), CancellationToken.None);
        Assert.Equal("alice@example.com", profile?.Email);
    }

    [Fact]
    public async Task Loopback_only_is_decided_on_the_real_client_address_behind_a_proxy_on_this_machine()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();

        // A reverse proxy on this machine forwards an internet caller: loopback peer, the caller in X-Forwarded-For.
        using var proxied = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/directline/token", UriKind.Relative)) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var refused = await host.Client.SendAsync(proxied);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var local = await host.Client.PostAsync(new Uri("/api/directline/token", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_are_trusted_only_from_configured_proxies_even_with_asp_net_cores_switch_on()
    {
        await using var host = await RunningHost.StartAsync(
        [
            "--Storage:Provider=Memory",
            "--ForwardedHeaders_Enabled=true",
            "--ForwardedHeaders:KnownProxies:0=10.1.2.3",
            "--ForwardedHeaders:KnownNetworks:0=192.0.2.0/24",
        ]);

        var options = host.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.Equal(1, options.ForwardLimit);
        Assert.Equal([IPAddress.IPv6Loopback, IPAddress.Parse("10.1.2.3")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("192.0.2.0/24")], options.KnownIPNetworks);

        // A caller on this machine (a trusted proxy) forwarding an internet address is refused there too.
        using var proxied = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/directline/token", UriKind.Relative)) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        proxied.Headers.Add("X-Forwarded-For", "198.51.100.7");
        using var refused = await host.Client.SendAsync(proxied);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var grant = await host.Client.PostAsync(new Uri("/api/directline/token", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        grant.EnsureSuccessStatusCode();
    }

    private static HttpClient Browser(RunningHost host, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<(string UserId, string Token)> GrantAsync(HttpClient browser, string body)
    {
        using var response = await browser.PostAsync(new Uri("/api/directline/token", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("userId").GetString()!, json.RootElement.GetProperty("token").GetString()!);
    }

    private static async Task<(HttpClient Client, string ConversationId)> StartAsyncCore(RunningHost host, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "/v3/directline/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var start = await client.PostAsync(new Uri("conversations", UriKind.Relative), null);
        start.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
        return (client, json.RootElement.GetProperty("conversationId").GetString()!);
    }

    private static async Task<Chat> StartAsync(RunningHost host, string token)
    {
        var (client, conversationId) = await StartAsyncCore(host, token);
        return new Chat(client, conversationId);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string conversationId, string text, string? from = null) =>
        client.PostAsync(
            new Uri($"conversations/{conversationId}/activities", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["type"] = "message",
                ["text"] = text,
                ["from"] = new Dictionary<string, string> { ["id"] = from ?? "ignored-the-token-names-the-reader" },
            }), Encoding.UTF8, "application/json"));

    private static Task SetProfileAsync(RunningHost host, string userId, ReaderProfile profile) =>
        host.Services.GetRequiredService<IStorage>().WriteAsync(new Dictionary<string, object>
        {
            [$"directline/users/{userId}"] = new Dictionary<string, object> { ["ReaderProfile"] = profile },
        });

    private sealed record Chat(HttpClient Client, string ConversationId) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }
}
