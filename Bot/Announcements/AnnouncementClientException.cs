namespace AuthorBot.Bot.Announcements;

/// <summary>The announcements API refused a call or could not be read.</summary>
internal sealed class AnnouncementClientException : Exception
{
    public AnnouncementClientException()
    {
    }

    public AnnouncementClientException(string message)
        : base(message)
    {
    }

    public AnnouncementClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether whatever answered is not AuthorBot at all, rather than AuthorBot refusing.</summary>
    public bool NotAuthorBot { get; init; }
}
