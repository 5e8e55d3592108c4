using System.Globalization;
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

    private Task<T> SendAsync<T>(HttpMethod method, string path, string? json, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        BotApiRequest.SendAsync(http, apiKey, method, path, json, type, cancellationToken);
}
