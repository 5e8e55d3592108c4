using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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

    private Task<T> SendAsync<T>(HttpMethod method, string path, string? json, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        BotApiRequest.SendAsync(http, apiKey, method, path, json, type, cancellationToken);
}
