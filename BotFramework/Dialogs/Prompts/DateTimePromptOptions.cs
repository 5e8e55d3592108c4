namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary><see cref="PromptOptions"/> for a <see cref="DateTimePrompt"/> that also say whose clock to read answers by.</summary>
public class DateTimePromptOptions : PromptOptions
{
    /// <summary>
    /// The reader's time zone, as an IANA ("Europe/Paris") or Windows id. When set it wins over the activity's
    /// <c>localTimezone</c> and <c>localTimestamp</c>, e.g. for a zone the reader chose in their preferences.
    /// </summary>
    public string? TimeZone { get; set; }
}
