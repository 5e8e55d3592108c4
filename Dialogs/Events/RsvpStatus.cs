namespace AuthorBot.Dialogs.Events;

/// <summary>Where a reader stands for an event.</summary>
public enum RsvpStatus
{
    /// <summary>Not signed up.</summary>
    None,

    /// <summary>Has a seat.</summary>
    Attending,

    /// <summary>On the waiting list.</summary>
    Waiting,
}
