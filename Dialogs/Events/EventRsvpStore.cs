using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Events;

/// <summary>
/// Seats and waiting lists in the bot's <see cref="IStorage"/>, one document per event, changed only by
/// read-modify-write with the ETag it was read with; a lost race re-reads and decides again.
/// </summary>
/// <param name="storage">The bot's configured storage.</param>
internal sealed class EventRsvpStore(IStorage storage)
{
    /// <summary>
    /// How many times a change is tried before giving up. Every lost race means another writer won, so a reader
    /// only runs out of attempts when this many others changed the same event during their one change.
    /// </summary>
    public const int MaxAttempts = 50;

    private readonly IStorage _storage = storage ?? throw new ArgumentNullException(nameof(storage));

    /// <summary>The storage key of an event's RSVPs.</summary>
    public static string KeyFor(string eventId) => $"authorbot/events/{eventId}/rsvps";

    /// <summary>Reads an event's RSVPs (an empty document when there are none).</summary>
    public async Task<EventRsvpDocument> ReadAsync(string eventId, CancellationToken cancellationToken)
    {
        var key = KeyFor(eventId);
        var found = await _storage.ReadAsync<EventRsvpDocument>([key], cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(key, out var document) ? document : new EventRsvpDocument();
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current document and writes it if it says so; on a concurrent write,
    /// re-reads and applies it again, so the decision is always made on what is really stored.
    /// </summary>
    /// <typeparam name="T">What the change decides.</typeparam>
    /// <param name="eventId">The event.</param>
    /// <param name="change">Changes the document in place; returns its decision and whether to write.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The decision of the attempt that was written (or that needed no write).</returns>
    /// <exception cref="StorageConcurrencyException">Every attempt lost a race (extreme contention).</exception>
    public async Task<T> UpdateAsync<T>(string eventId, Func<EventRsvpDocument, (T Result, bool Write)> change, CancellationToken cancellationToken)
    {
        var key = KeyFor(eventId);
        for (var attempt = 1; ; attempt++)
        {
            var found = await _storage.ReadAsync<EventRsvpDocument>([key], cancellationToken).ConfigureAwait(false);
            var document = found.TryGetValue(key, out var stored) ? stored : new EventRsvpDocument { ETag = StorageETag.CreateOnly };
            var (result, write) = change(document);
            if (!write)
            {
                return result;
            }

            try
            {
                // An emptied event keeps its (empty) document: deleting is unconditional in IStorage and could
                // drop a seat someone took in the meantime.
                await _storage.WriteAsync(new Dictionary<string, object> { [key] = document }, cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                // Someone changed the event since we read it: decide again on the fresh document, after a short
                // random pause so a crowd of losers does not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(0, Math.Min(attempt, 10)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Where a reader stands in a document.</summary>
    public static RsvpStanding StandingOf(EventRsvpDocument document, ReaderKey reader, int capacity)
    {
        var seatsLeft = Math.Max(0, capacity - document.Attendees.Count);
        if (document.Attendees.Exists(e => e.Is(reader)))
        {
            return new RsvpStanding(RsvpStatus.Attending, 0, seatsLeft);
        }

        var position = document.Waiting.FindIndex(e => e.Is(reader));
        return position >= 0
            ? new RsvpStanding(RsvpStatus.Waiting, position + 1, seatsLeft)
            : new RsvpStanding(RsvpStatus.None, 0, seatsLeft);
    }
}
