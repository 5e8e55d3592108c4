namespace AuthorBot.Dialogs.Intents;

/// <summary>What a reader's message asks for, as far as keyword routing can tell.</summary>
public enum ReaderIntent
{
    /// <summary>Nothing recognized.</summary>
    None,

    /// <summary>"hi", "hello".</summary>
    Greeting,

    /// <summary>"help", "what can you do".</summary>
    Help,

    /// <summary>"cancel", "stop that".</summary>
    Cancel,

    /// <summary>"start over", "restart".</summary>
    StartOver,

    /// <summary>"menu", "options".</summary>
    Menu,

    /// <summary>"unsubscribe".</summary>
    Unsubscribe,

    /// <summary>"stop" as the whole message: no more announcements.</summary>
    StopAnnouncements,
}
