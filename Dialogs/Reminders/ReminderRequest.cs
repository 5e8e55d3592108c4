using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Reminders;

/// <summary>A message a reader asked to be sent later, e.g. on launch day or an hour before an event.</summary>
/// <param name="Id">
/// A deterministic key ("event:{eventId}:1h:{channel}:{user}"): scheduling the same id again replaces the earlier
/// request, so asking twice never sends twice, and <see cref="IReminderScheduler.CancelAsync"/> finds it.
/// </param>
/// <param name="Reader">Who gets it; the scheduler finds the reader's conversation itself.</param>
/// <param name="DueAt">When to send it.</param>
/// <param name="Text">What to send.</param>
public sealed record ReminderRequest(string Id, ReaderKey Reader, DateTimeOffset DueAt, string Text);
