namespace AuthorBot.Dialogs.Events;

/// <summary>What an RSVP or a cancellation did.</summary>
/// <param name="Before">The reader's status before.</param>
/// <param name="After">The reader's standing after.</param>
/// <param name="RemindersScheduled">False when reminders were wanted but this host cannot send them.</param>
public sealed record RsvpChange(RsvpStatus Before, RsvpStanding After, bool RemindersScheduled);
