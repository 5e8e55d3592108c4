namespace AuthorBot.BotFramework.Schema;

/// <summary>One page of GetConversationPagedMembers.</summary>
public class PagedMembersResult
{
    /// <summary>Token for the next page; null on the last page.</summary>
    public string? ContinuationToken { get; set; }

    /// <summary>The members on this page.</summary>
    public IList<ChannelAccount>? Members { get; set; }
}
