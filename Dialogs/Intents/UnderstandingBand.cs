namespace AuthorBot.Dialogs.Intents;

/// <summary>How sure the classifier is, and so what the bot does with a message.</summary>
public enum UnderstandingBand
{
    /// <summary>Not understood: say so, offer the menu, log it for the author.</summary>
    Miss,

    /// <summary>Somewhat sure: "Did you mean X or Y?".</summary>
    Ask,

    /// <summary>Sure: do it.</summary>
    Act,
}
