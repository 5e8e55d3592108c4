namespace AuthorBot.Dialogs.Events;

/// <summary>How many readers hold a seat at an event and how many are waiting for one.</summary>
/// <param name="Attending">Readers with a seat.</param>
/// <param name="Waiting">Readers on the waiting list.</param>
public sealed record EventLists(int Attending, int Waiting);
