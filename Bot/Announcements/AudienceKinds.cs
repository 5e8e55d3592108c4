namespace AuthorBot.Bot.Announcements;

/// <summary>Audience kinds.</summary>
internal static class AudienceKinds
{
    public const string All = "all";
    public const string Subscribers = "subscribers";
    public const string Interests = "interests";
    public const string Event = "event";
}
