namespace AuthorBot.BotFramework.Schema;

/// <summary>Quick-reply buttons that disappear after a tap.</summary>
public class SuggestedActions
{
    /// <summary>Creates empty suggested actions.</summary>
    public SuggestedActions()
    {
    }

    /// <summary>Creates suggested actions for the given recipients (empty means everyone).</summary>
    public SuggestedActions(IList<string>? to, IList<CardAction>? actions)
    {
        To = to;
        Actions = actions;
    }

    /// <summary>Ids of the recipients the actions are shown to; empty or missing means all.</summary>
    public IList<string>? To { get; set; }

    /// <summary>The actions.</summary>
    public IList<CardAction>? Actions { get; set; }
}
