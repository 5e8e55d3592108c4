using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AuthorBot.Bot.Announcements;

namespace AuthorBot.Bot.Understanding;

/// <summary>Calls a running bot's understanding API (used by the <c>author</c> command line).</summary>
internal sealed class AuthorApiClient(HttpClient http, string apiKey)
{
    public Task<List<MissView>> MissesAsync(bool all, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/understanding/misses" + (all ? "?all=true" : string.Empty), null, UnderstandingJsonContext.Default.ListMissView, cancellationToken);

    public Task<MissView> LabelAsync(long id, string intent, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Put,
            $"api/understanding/misses/{id.ToString(CultureInfo.InvariantCulture)}/label",
            JsonSerializer.Serialize(new LabelRequest { Intent = intent }, UnderstandingJsonContext.Default.LabelRequest),
            UnderstandingJsonContext.Default.MissView,
            cancellationToken);

    public Task<IntentList> IntentsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/understanding/intents", null, UnderstandingJsonContext.Default.IntentList, cancellationToken);

    public Task<List<InboxView>> InboxAsync(bool all, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/understanding/inbox" + (all ? "?all=true" : string.Empty), null, UnderstandingJsonContext.Default.ListInboxView, cancellationToken);

    public Task<InboxView> MarkReadAsync(long id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/understanding/inbox/{id.ToString(CultureInfo.InvariantCulture)}/read", null, UnderstandingJsonContext.Default.InboxView, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, string? json, JsonTypeInfo<T> type, CancellationToken cancellationToken)
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
                message = JsonSerializer.Deserialize(body, UnderstandingJsonContext.Default.UnderstandingError)?.Error;
            }
            catch (JsonException)
            {
                // Not our error shape (a proxy's page, say); the status says enough.
            }

            throw new AnnouncementClientException($"{(int)response.StatusCode} {response.ReasonPhrase}: {message ?? "no details"}");
        }

        return JsonSerializer.Deserialize(body, type) ?? throw new AnnouncementClientException("The bot answered with an empty body.");
    }
}
