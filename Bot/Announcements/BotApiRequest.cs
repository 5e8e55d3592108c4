using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// One call to a running bot's API-key protected endpoints, as the marketers' and the author's command lines make them:
/// the bearer key, a JSON body, and the bot's <c>{"error": ...}</c> answers turned into <see cref="AnnouncementClientException"/>.
/// </summary>
internal static class BotApiRequest
{
    public static async Task<T> SendAsync<T>(HttpClient http, string apiKey, HttpMethod method, string path, string? json, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            string? message = null;
            try
            {
                message = JsonSerializer.Deserialize(body, AnnouncementJsonContext.Default.ApiError)?.Error;
            }
            catch (JsonException)
            {
                // Not our error shape (a proxy's page, say); the status says enough.
            }

            if (message is null && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                // AuthorBot answers every API error with its JSON error body; a bare 404 means another program
                // listens at that address (a second bot on 3978, say), not an unknown announcement or message.
                throw new AnnouncementClientException($"{http.BaseAddress} answered {(int)response.StatusCode} {response.ReasonPhrase}, but it is not AuthorBot (its API is not there). Check --url, and that the bot is running.")
                {
                    NotAuthorBot = true,
                };
            }

            throw new AnnouncementClientException($"{(int)response.StatusCode} {response.ReasonPhrase}: {message ?? "no details"}");
        }

        return JsonSerializer.Deserialize(body, type) ?? throw new AnnouncementClientException("The bot answered with an empty body.");
    }
}
