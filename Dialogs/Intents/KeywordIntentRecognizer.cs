using System.Text.RegularExpressions;

namespace AuthorBot.Dialogs.Intents;

/// <summary>
/// Recognizes the built-in intents (help, cancel, start over, menu, greeting, unsubscribe) by keywords; flows
/// match their own keywords (<see cref="Routing.IReaderFlow.Matches"/>). Interruptions ("help", "cancel",
/// "start over") only count when they are the whole message, so a reader whose answer merely contains
/// the word (a name, a book title) is not thrown out of their flow.
/// </summary>
public static partial class KeywordIntentRecognizer
{
    /// <summary>Recognizes the intent of a message.</summary>
    /// <param name="text">The reader's message; null or blank gives <see cref="ReaderIntent.None"/>.</param>
    /// <returns>The intent.</returns>
    public static ReaderIntent Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReaderIntent.None;
        }

        var normalized = Normalize(text);
        if (UnsubscribePattern().IsMatch(normalized))
        {
            return ReaderIntent.Unsubscribe;
        }

        if (StopPattern().IsMatch(normalized))
        {
            return ReaderIntent.StopAnnouncements;
        }

        if (CancelPattern().IsMatch(normalized))
        {
            return ReaderIntent.Cancel;
        }

        if (StartOverPattern().IsMatch(normalized))
        {
            return ReaderIntent.StartOver;
        }

        if (HelpPattern().IsMatch(normalized))
        {
            return ReaderIntent.Help;
        }

        if (MenuPattern().IsMatch(normalized))
        {
            return ReaderIntent.Menu;
        }

        return GreetingPattern().IsMatch(normalized) ? ReaderIntent.Greeting : ReaderIntent.None;
    }

    /// <summary>True for intents that may interrupt any flow.</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>Whether it interrupts.</returns>
    public static bool IsInterruption(ReaderIntent intent) =>
        intent is ReaderIntent.Help or ReaderIntent.Cancel or ReaderIntent.StartOver or ReaderIntent.Unsubscribe or ReaderIntent.StopAnnouncements;

    /// <summary>Lower-cases a message and turns punctuation (other than @ . ') into spaces, so patterns stay simple.</summary>
    /// <param name="text">The message.</param>
    /// <returns>The normalized message; empty for null.</returns>
    public static string Normalize(string? text) =>
        text is null ? string.Empty : Punctuation().Replace(text.Trim().ToLowerInvariant(), " ").Trim();

    [GeneratedRegex(@"[^\p{L}\p{N}@.' ]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\b(unsubscribe|opt out|opt me out|remove me from the (newsletter|mailing list))\b")]
    private static partial Regex UnsubscribePattern();

    [GeneratedRegex(@"^(please )?(stop|stop (all |the )?(announcements|messages|notifications)|stop (messaging|texting) me)( please)?$")]
    private static partial Regex StopPattern();

    [GeneratedRegex(@"^(please )?(cancel( that| this| it)?|never ?mind|forget it|quit|exit)( please)?$")]
    private static partial Regex CancelPattern();

    [GeneratedRegex(@"^(please )?(start over|start again|restart|reset|begin again)( please)?$")]
    private static partial Regex StartOverPattern();

    [GeneratedRegex(@"^(please )?(help( me)?|what can you do|what do you do|how does this work|commands)( please)?$")]
    private static partial Regex HelpPattern();

    [GeneratedRegex(@"^(show (me )?(the )?)?(main )?(menu|options)( please)?$")]
    private static partial Regex MenuPattern();

    [GeneratedRegex(@"^(hi|hello|hey|hiya|howdy|good (morning|afternoon|evening)|greetings)( there)?( bot| authorbot)?$")]
    private static partial Regex GreetingPattern();
}
