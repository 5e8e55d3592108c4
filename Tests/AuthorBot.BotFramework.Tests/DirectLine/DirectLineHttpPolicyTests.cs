using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AuthorBot.BotFramework.Tests.DirectLine;

public class DirectLineHttpPolicyTests
{
    [Fact]
    public async Task Flooding_a_conversation_gets_429_with_retry_after_in_milliseconds()
    {
        await using var server = await DirectLineTestServer.StartAsync(configure: o =>
        {
            o.RateLimitBurst = 5;
            o.RateLimitPerSecond = 1;
        });
        var (conversationId, token, _) = await server.StartConversationAsync();

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            var response = await server.SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities", token);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            var retryAfter = long.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 1000);
            using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("TooManyRequests", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        }

        // Another conversation has its own bucket.
        var (other, otherToken, _) = await server.StartConversationAsync("dl_other");
        await server.GetActivitiesAsync(other, otherToken);
    }

    [Fact]
    public async Task Preflight_from_an_allowed_origin_allows_the_web_chat_headers()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "conversations/abc/activities?watermark=3");
        request.Headers.Add("Origin", DirectLineTestServer.AllowedOrigin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");

        using var response = await server.Http.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal(DirectLineTestServer.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToUpperInvariant();
        foreach (var header in new[] { "AUTHORIZATION", "CONTENT-TYPE", "X-MS-BOT-AGENT", "X-REQUESTED-WITH" })
        {
            Assert.Contains(header, allowed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Other_origins_get_no_cors_headers_and_real_responses_expose_retry_after()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "conversations");
        preflight.Headers.Add("Origin", "http://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var refused = await server.Http.SendAsync(preflight);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "tokens/generate");
        request.Headers.Add("Origin", DirectLineTestServer.AllowedOrigin);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLineTestServer.Secret);
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(DirectLineTestServer.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Retry-After", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Upload_turns_files_into_attachments_and_refuses_oversized_bodies()
    {
        using var folder = new State.TemporaryFolder();
        await using var server = await DirectLineTestServer.StartAsync(configure: o =>
        {
            o.MaxUploadBytes = 4096;
            o.DataDirectory = folder.Path;
        });
        var (conversationId, token, _) = await server.StartConversationAsync();

        using var form = new MultipartFormDataContent();
        var activity = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"type":"message","from":{"id":"dl_reader"},"channelData":{"clientActivityID":"u1"}}"""));
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("chapter one"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "chapter.txt");
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"conversations/{conversationId}/upload?userId=dl_reader") { Content = form };
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await server.Http.SendAsync(upload);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var activities = DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token));
        var echo = activities[^2];
        var attachment = echo.GetProperty("attachments").EnumerateArray().Single();
        Assert.Equal("chapter.txt", attachment.GetProperty("name").GetString());
        Assert.Equal("text/plain", attachment.GetProperty("contentType").GetString());

        // The log holds a link; the file is served to the conversation's token.
        var contentUrl = new Uri(attachment.GetProperty("contentUrl").GetString()!);
        Assert.StartsWith("/v3/directline/attachments/", contentUrl.AbsolutePath, StringComparison.Ordinal);
        using (var download = new HttpRequestMessage(HttpMethod.Get, contentUrl))
        {
            download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var served = await server.Http.SendAsync(download);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("chapter one", await served.Content.ReadAsStringAsync());
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.Equal("u1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("got 1 attachment(s)", activities[^1].GetProperty("text").GetString());

        using var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[8192]), "file", "big.bin" } };
        using var tooBig = new HttpRequestMessage(HttpMethod.Post, $"conversations/{conversationId}/upload?userId=dl_reader") { Content = big };
        tooBig.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var refused = await server.Http.SendAsync(tooBig);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }
}
