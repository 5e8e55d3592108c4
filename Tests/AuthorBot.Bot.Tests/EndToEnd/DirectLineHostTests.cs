using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AuthorBot.Bot.Tests.EndToEnd;

public class DirectLineHostTests
{
    [Fact]
    public async Task A_web_chat_reader_is_welcomed_before_typing_and_can_subscribe_over_direct_line()
    {
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--DirectLine:DataDirectory={folder.Path}"]);

        using var tokenResponse = await host.Client.PostAsync(new Uri("/api/directline/token", UriKind.Relative),
            new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        using var tokenJson = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        var token = tokenJson.RootElement.GetProperty("token").GetString();
        var readerId = tokenJson.RootElement.GetProperty("userId").GetString()!;
        Assert.StartsWith("dl_", readerId, StringComparison.Ordinal);
        Assert.True(tokenJson.RootElement.GetProperty("expires_in").GetInt32() > 0);

        using var client = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "/v3/directline/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var start = await client.PostAsync(new Uri("conversations", UriKind.Relative), null);
        Assert.True(start.IsSuccessStatusCode, $"start conversation answered {(int)start.StatusCode}");
        using var startJson = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
        var conversationId = startJson.RootElement.GetProperty("conversationId").GetString()!;

        var welcome = await WaitForBotTextAsync(client, conversationId, readerId, text => text.StartsWith("Hi! I'm AuthorBot", StringComparison.Ordinal));
        Assert.NotNull(welcome);

        var post = "{\"type\":\"message\",\"from\":{\"id\":\"" + readerId + "\"},\"text\":\"subscribe to the newsletter\",\"channelData\":{\"clientActivityID\":\"c1\"}}";
        using var posted = await client.PostAsync(new Uri($"conversations/{conversationId}/activities", UriKind.Relative), new StringContent(post, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var question = await WaitForBotTextAsync(client, conversationId, readerId, text => text.Contains("What's your name?", StringComparison.Ordinal));
        Assert.NotNull(question);
    }

    [Fact]
    public async Task The_token_endpoint_gives_a_fresh_id_for_an_implausible_one()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();
        using var response = await host.Client.PostAsync(new Uri("/api/directline/token", UriKind.Relative),
            new StringContent("{\"userId\":\"<script>\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("dl_", json.RootElement.GetProperty("userId").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("script", json.RootElement.GetProperty("userId").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string?> WaitForBotTextAsync(HttpClient client, string conversationId, string readerId, Func<string, bool> match)
    {
        // Bounded polling: the bot answers in-process, so a few hundred milliseconds is plenty.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var response = await client.GetAsync(new Uri($"conversations/{conversationId}/activities", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var activity in json.RootElement.GetProperty("activities").EnumerateArray())
            {
                if (activity.TryGetProperty("from", out var from) && from.GetProperty("id").GetString() != readerId
                    && activity.TryGetProperty("text", out var text) && text.GetString() is { } value && match(value))
                {
                    return value;
                }
            }

            await Task.Delay(50);
        }

        return null;
    }
}
