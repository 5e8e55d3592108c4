using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Newsletter;

/// <summary>A reader's newsletter signup as the chat recorded it: the evidence the confirmation email builds on.</summary>
/// <param name="Reader">The reader.</param>
/// <param name="Email">The address to confirm.</param>
/// <param name="Name">The name the reader gave.</param>
/// <param name="Wording">The exact question the reader said yes to.</param>
/// <param name="ConsentedAt">When they said yes.</param>
public sealed record NewsletterSignup(ReaderKey Reader, string Email, string? Name, string? Wording, DateTimeOffset ConsentedAt);
