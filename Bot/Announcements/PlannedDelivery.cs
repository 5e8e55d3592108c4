using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>A delivery record to create with its announcement.</summary>
internal sealed record PlannedDelivery(ReaderKey Reader, string ConversationId, string Variant, DateTimeOffset DueAt);
