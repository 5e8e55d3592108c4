using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Newsletter;

/// <summary>
/// Changes a reader's newsletter consent outside their turn (a confirmation link or a one-click unsubscribe from an
/// email), so the chat agrees with what the reader did in their inbox. Writes check the document's ETag and retry on a
/// conflict, so a turn saving at the same moment is never silently overwritten.
/// </summary>
/// <param name="storage">The bot's storage.</param>
public sealed class StoredNewsletterConsents(IStorage storage)
{
    private const int MaxAttempts = 5;
    private readonly IStorage _storage = storage ?? throw new ArgumentNullException(nameof(storage));

    /// <summary>Marks the reader's pending signup for <paramref name="email"/> as confirmed.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="email">The address the link was sent to; a consent for another address is left alone.</param>
    /// <param name="at">When the link was clicked.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>True when the profile now shows a confirmed subscription.</returns>
    public Task<bool> ConfirmAsync(ReaderKey reader, string email, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync(reader, email, consent =>
        {
            if (!consent.Subscribed)
            {
                return false;
            }

            consent.PendingConfirmation = false;
            consent.ConfirmedAt ??= at;
            return true;
        }, cancellationToken);

    /// <summary>Unsubscribes the reader's consent for <paramref name="email"/>, as "unsubscribe" in the chat would.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="email">The address that unsubscribed.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>True when the profile now shows the reader unsubscribed.</returns>
    public Task<bool> UnsubscribeAsync(ReaderKey reader, string email, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync(reader, email, consent =>
        {
            if (consent.Subscribed)
            {
                consent.Subscribed = false;
                consent.PendingConfirmation = false;
                consent.UnsubscribedAt = at;
            }

            return true;
        }, cancellationToken);

    private async Task<bool> UpdateAsync(ReaderKey reader, string email, Func<NewsletterConsent, bool> change, CancellationToken cancellationToken)
    {
        var key = $"{reader.ChannelId}/users/{reader.UserId}";
        for (var attempt = 1; ; attempt++)
        {
            var found = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            if (!found.TryGetValue(key, out var value)
                || JsonNode.Parse(value is JsonElement element ? element.GetRawText() : JsonSerializer.Serialize(value, value.GetType(), StateJson.Options)) is not JsonObject document
                || document[nameof(ReaderProfile)] is not JsonObject profile
                || profile.FirstOrDefault(p => string.Equals(p.Key, nameof(ReaderProfile.Newsletter), StringComparison.OrdinalIgnoreCase)) is not { Value: JsonObject stored } entry
                || stored.Deserialize<NewsletterConsent>(StateJson.Options) is not { } consent
                || !string.Equals(consent.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (!change(consent))
            {
                return false;
            }

            // Only the consent is rewritten: the rest of the document stays exactly as the reader's turns saved it.
            profile[entry.Key] = JsonSerializer.SerializeToNode(consent, StateJson.Options);
            try
            {
                await _storage.WriteAsync(new Dictionary<string, object> { [key] = document }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                // The reader's own turn saved in between: read their newer document and apply the change to it.
            }
        }
    }
}
