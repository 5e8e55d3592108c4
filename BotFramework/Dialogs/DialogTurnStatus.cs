namespace AuthorBot.BotFramework.Dialogs;

/// <summary>Where the dialog stack stands after a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog is active.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack finished.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}
