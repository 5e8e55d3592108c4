using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>A delivery record the engine is about to handle.</summary>
internal sealed record DueDelivery(
    long Id,
    string AnnouncementId,
    ReaderKey Reader,
    string ConversationId,
    string Variant,
    string IdempotencyKey,
    int Attempts,
    DateTimeOffset DueAt);
