namespace AuthorBot.HostileBench;

/// <summary>What a successful answer adds to <see cref="FuzzState"/>, so later requests reach deeper code.</summary>
public enum FuzzLesson
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>A token (from the page's endpoint or tokens/generate): <c>{token, conversationId}</c>.</summary>
    Token,

    /// <summary>A started conversation: <c>{conversationId, token}</c>.</summary>
    Conversation,

    /// <summary>An upload's echo is in the log; the next GET of activities may reveal an attachment URL.</summary>
    Upload,

    /// <summary>An activities page: attachment URLs.</summary>
    Activities,

    /// <summary>An announcement: <c>{id}</c>.</summary>
    Announcement,
}
