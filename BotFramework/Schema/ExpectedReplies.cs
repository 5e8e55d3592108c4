namespace AuthorBot.BotFramework.Schema;

/// <summary>The HTTP response body of a turn whose delivery mode was <c>expectReplies</c>.</summary>
public class ExpectedReplies
{
    /// <summary>Creates an empty set.</summary>
    public ExpectedReplies()
    {
    }

    /// <summary>Creates a set of the given replies.</summary>
    public ExpectedReplies(IList<Activity>? activities)
    {
        Activities = activities;
    }

    /// <summary>The replies, in the order the bot sent them.</summary>
    public IList<Activity>? Activities { get; set; }
}
