using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.HandOff;

/// <summary>A reader's message for the author, handed off by the bot.</summary>
/// <param name="Reader">Who sent it (kept so "export/delete my data" finds it).</param>
/// <param name="ReaderName">The name the reader gave, if any.</param>
/// <param name="Message">What they asked the bot to pass on.</param>
/// <param name="Contact">How the author may reply (an email address), only when the reader agreed to share it.</param>
/// <param name="ContactConsent">The question the reader agreed to, word for word, when a contact is given.</param>
/// <param name="At">When.</param>
/// <param name="Reason">"frustrated" when the message reads strongly negative (for the author's triage), otherwise "asked".</param>
/// <param name="Sentiment">The message's sentiment score, -1 to 1.</param>
public sealed record AuthorInboxMessage(
    ReaderKey Reader,
    string? ReaderName,
    string Message,
    string? Contact,
    string? ContactConsent,
    DateTimeOffset At,
    string Reason,
    double Sentiment);
