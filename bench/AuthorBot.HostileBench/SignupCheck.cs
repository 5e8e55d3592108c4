using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorBot.HostileBench;

/// <summary>
/// After the fuzz: a new reader completes the newsletter signup, once as Emulator does (/api/messages with
/// expectReplies) and once in Web Chat (the page's token endpoint and Direct Line), so the bot is shown to still work.
/// </summary>
public static class SignupCheck
{
    private static readonly (string Say, string Expect)[] _steps =
    [
        ("subscribe to the newsletter", "What's your name?"),
        ("Fuzz Reader", "What's your email address?"),
        ("fuzz.reader@example.com", "to the newsletter?"),
        ("yes", "you're subscribed"),
    ];

    /// <summary>Null when both signups completed; otherwise what went wrong.</summary>
    public static async Task<string?> RunAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var conversation = "signup-" + Guid.NewGuid().ToString("N");
        foreach (var (say, expect) in _steps)
        {
            var activity = new JsonObject
            {
                ["type"] = "message",
                ["id"] = Guid.NewGuid().ToString("N"),
                ["channelId"] = "emulator",
                ["serviceUrl"] = "http://127.0.0.1:1/",
                ["deliveryMode"] = "expectReplies",
                ["from"] = new JsonObject { ["id"] = conversation + "-user", ["name"] = "Fuzz Reader" },
                ["recipient"] = new JsonObject { ["id"] = "bot" },
                ["conversation"] = new JsonObject { ["id"] = conversation },
                ["locale"] = "en-US",
                ["text"] = say,
            };
            using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var replies = response.IsSuccessStatusCode ? Texts(body) : body;
            if (!response.IsSuccessStatusCode || !replies.Contains(expect, StringComparison.Ordinal))
            {
                return $"Emulator signup: after '{say}' the bot answered {(int)response.StatusCode} {replies[..Math.Min(replies.Length, 300)]}";
            }
        }

        return await DirectLineAsync(baseAddress, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> DirectLineAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var grant = await http.PostAsync(new Uri("/api/directline/token", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"), cancellationToken).ConfigureAwait(false);
        if (!grant.IsSuccessStatusCode)
        {
            return $"Web Chat signup: the token endpoint answered {(int)grant.StatusCode}";
        }

        string token;
        using (var json = JsonDocument.Parse(await grant.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)))
        {
            token = json.RootElement.GetProperty("token").GetString()!;
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var start = await http.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        if (!start.IsSuccessStatusCode)
        {
            return $"Web Chat signup: starting the conversation answered {(int)start.StatusCode}";
        }

        string conversationId;
        using (var json = JsonDocument.Parse(await start.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)))
        {
            conversationId = json.RootElement.GetProperty("conversationId").GetString()!;
        }

        foreach (var (say, expect) in _steps)
        {
            using var posted = await http.PostAsync(
                new Uri($"/v3/directline/conversations/{conversationId}/activities", UriKind.Relative),
                new StringContent(new JsonObject { ["type"] = "message", ["text"] = say }.ToJsonString(), Encoding.UTF8, "application/json"),
                cancellationToken).ConfigureAwait(false);
            var log = Texts(await http.GetStringAsync(new Uri($"/v3/directline/conversations/{conversationId}/activities", UriKind.Relative), cancellationToken).ConfigureAwait(false));
            if (!posted.IsSuccessStatusCode || !log.Contains(expect, StringComparison.Ordinal))
            {
                return $"Web Chat signup: after '{say}' the post answered {(int)posted.StatusCode} and the log lacks '{expect}'";
            }
        }

        return null;
    }

    /// <summary>The texts of an activity set (expectReplies answer or Direct Line page), one per line.</summary>
    private static string Texts(string activitySet)
    {
        using var json = JsonDocument.Parse(activitySet);
        return string.Join('\n', json.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null)
            .OfType<string>());
    }
}
