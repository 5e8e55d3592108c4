namespace AuthorBot.Dialogs.Content;

/// <summary>When an upcoming book comes out.</summary>
/// <param name="At">The launch instant.</param>
/// <param name="TimeZone">The IANA time zone the author gave the launch time in.</param>
public sealed record BookLaunch(DateTimeOffset At, string TimeZone);
