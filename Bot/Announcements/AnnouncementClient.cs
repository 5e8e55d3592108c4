using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AuthorBot.Bot.Announcements;

/// <summary>Calls a running bot's announcements API (used by the <c>announce</c> command line).</summary>
internal sealed class AnnouncementClient(HttpClient http, string apiKey)
{
    public Task<AnnouncementProgress> CreateAsync(AnnouncementRequest request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/announcements", JsonSerializer.Serialize(request, AnnouncementJsonContext.Default.AnnouncementRequest), AnnouncementJsonContext.Default.AnnouncementProgress, cancellationToken);

    public Task<AnnouncementProgress> GetProgressAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/announcements/" + Uri.EscapeDataString(id), null, AnnouncementJsonContext.Default.AnnouncementProgress, cancellationToken);

    public Task<AnnouncementProgress> CancelAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, "api/announcements/" + Uri.EscapeDataString(id), null, AnnouncementJsonContext.Default.AnnouncementProgress, cancellationToken);

    public Task<AnnouncementResults> GetResultsAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/announcements/" + Uri.EscapeDataString(id) + "/results", null, AnnouncementJsonContext.Default.AnnouncementResults, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, string? json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
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

            if (message is null && response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.MethodNotAllowed)
            {
                // AuthorBot answers every API error with its JSON error body; a bare 404 means another program
                // listens at that address (a second bot on 3978, say), not an unknown announcement.
                throw new AnnouncementClientException($"{http.BaseAddress} answered {(int)response.StatusCode} {response.ReasonPhrase}, but it is not AuthorBot (its announcements API is not there). Check --url, and that the bot is running.")
                {
                    NotAuthorBot = true,
                };
            }

            throw new AnnouncementClientException($"{(int)response.StatusCode} {response.ReasonPhrase}: {message ?? "no details"}");
        }

        return JsonSerializer.Deserialize(body, type) ?? throw new AnnouncementClientException("The bot answered with an empty body.");
    }
}
