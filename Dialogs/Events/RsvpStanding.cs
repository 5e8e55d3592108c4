namespace AuthorBot.Dialogs.Events;

/// <summary>A reader's standing for an event after a read or a change.</summary>
/// <param name="Status">Attending, waiting or neither.</param>
/// <param name="WaitingPosition">1-based place in the waiting list; 0 unless waiting.</param>
/// <param name="SeatsLeft">Seats still free.</param>
public sealed record RsvpStanding(RsvpStatus Status, int WaitingPosition, int SeatsLeft);
