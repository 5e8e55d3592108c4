using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Events;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Turns a validated announcement into delivery records: picks the audience from stored conversation references and
/// reader profiles, splits it between variants, and gives each reader a due time.
/// </summary>
internal sealed class AnnouncementPlanner(
    ConversationReferenceStore references,
    ReaderProfileReader profiles,
    AnnouncementStore store,
    IEnumerable<IEventAttendance> eventAttendance,
    TimeProvider time)
{
    /// <summary>Creates the announcement; the error is a message for a 400 when the audience cannot be resolved.</summary>
    public async Task<(string? Id, int Targeted, string? Error)> CreateAsync(AnnouncementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var audience = request.Audience!;
        HashSet<ReaderKey>? attendees = null;
        if (audience.Kind == AudienceKinds.Event)
        {
            // The host without the reader flows has no RSVP store: say so rather than guess an audience.
            if (eventAttendance.LastOrDefault() is not { } attendance)
            {
                return (null, 0, "Audience kind 'event' is not available: this host has no event RSVP store.");
            }

            attendees = [.. await attendance.GetAttendeesAsync(audience.EventId!, cancellationToken).ConfigureAwait(false)];
            if (attendees.Count == 0)
            {
                return (null, 0, $"No reader holds a seat for event '{audience.EventId}' (unknown event, or nobody RSVP'd).");
            }
        }

        var now = time.GetUtcNow();
        var schedule = request.Schedule!;
        var members = await references.ListReachableConversationsAsync(audience.Channel, cancellationToken).ConfigureAwait(false);
        if (attendees is not null)
        {
            members = [.. members.Where(m => attendees.Contains(m.Reader))];
        }

        // Profiles decide who is in a subscribers or interests audience and where a reader's best hour lies; "all"
        // sent now or at a fixed time needs none, so a large audience costs one query instead of a read per reader.
        // The engine still reads each reader's profile just before sending (opt-out, cap, quiet hours, {name}).
        var needsProfiles = audience.Kind is AudienceKinds.Subscribers or AudienceKinds.Interests || schedule.Kind == ScheduleKinds.BestHour;
        var readerProfiles = needsProfiles
            ? await profiles.ReadAsync([.. members.Select(m => m.Reader)], cancellationToken).ConfigureAwait(false)
            : [];
        var chosen = needsProfiles ? members.Where(m => IsInAudience(audience, readerProfiles.GetValueOrDefault(m.Reader))).ToList() : members;
        var activity = schedule.Kind == ScheduleKinds.BestHour
            ? await references.ActivityByHourAsync([.. chosen.Select(m => m.Reader)], cancellationToken).ConfigureAwait(false)
            : [];

        var id = NewId();
        var variants = AssignVariants(id, [.. chosen.Select(m => m.Reader)], request.Variants!);
        var planned = chosen
            .Select(m => new PlannedDelivery(
                m.Reader,
                m.ConversationId,
                variants[m.Reader],
                SendTimePlanner.DueAt(schedule, readerProfiles.GetValueOrDefault(m.Reader), activity.GetValueOrDefault(m.Reader), now)))
            .ToList();
        await store.CreateAsync(id, request, now, planned, cancellationToken).ConfigureAwait(false);
        return (id, planned.Count, null);
    }

    /// <summary>
    /// Readers are ordered by a hash of (announcement, reader) and cut by the variants' weights, so the split is exact
    /// (±1 reader) and independent of the order readers were stored in.
    /// </summary>
    internal static Dictionary<ReaderKey, string> AssignVariants(string announcementId, IReadOnlyList<ReaderKey> readers, IReadOnlyList<VariantRequest> variants)
    {
        if (variants.Count == 1)
        {
            return readers.ToDictionary(r => r, _ => variants[0].Id!);
        }

        var ordered = readers.OrderBy(r => Hash(announcementId, r)).ThenBy(r => r.ChannelId, StringComparer.Ordinal).ThenBy(r => r.UserId, StringComparer.Ordinal).ToList();
        var total = variants.Sum(v => v.Weight ?? 1);
        var result = new Dictionary<ReaderKey, string>(ordered.Count);
        var cumulative = 0.0;
        var index = 0;
        for (var v = 0; v < variants.Count; v++)
        {
            cumulative += variants[v].Weight ?? 1;
            var end = v == variants.Count - 1 ? ordered.Count : (int)Math.Round(ordered.Count * cumulative / total);
            for (; index < end; index++)
            {
                result[ordered[index]] = variants[v].Id!;
            }
        }

        return result;
    }

    private static bool IsInAudience(AudienceRequest audience, ReaderProfile? profile) => audience.Kind switch
    {
        AudienceKinds.Subscribers => profile?.IsSubscribed == true,
        AudienceKinds.Interests => profile is not null && profile.Interests.Any(i => audience.Interests!.Contains(i, StringComparer.OrdinalIgnoreCase)),
        _ => true,
    };

    private static ulong Hash(string announcementId, ReaderKey reader) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(announcementId + "\n" + reader.ChannelId + "\n" + reader.UserId)));

    private static string NewId() => "ann_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
