using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Intents;

/// <summary>
/// How each intent reads on a button ("Did you mean X or Y?") and after "and" in "Leave the signup and ... instead?":
/// flows by their menu title and switch phrase, the author's questions by their question, the rest from this table.
/// </summary>
/// <param name="menu">The flows.</param>
/// <param name="content">The author's FAQ.</param>
public sealed class IntentTitles(ReaderMenu menu, AuthorContent content)
{
    private static readonly Dictionary<string, (string Title, string Phrase)> _builtIn = new(StringComparer.Ordinal)
    {
        [ReaderIntents.Help] = ("Help", "get help"),
        [ReaderIntents.Cancel] = ("Cancel", "cancel"),
        [ReaderIntents.StartOver] = ("Start over", "start over"),
        [ReaderIntents.Menu] = ("Show the menu", "see the menu"),
        [ReaderIntents.Greeting] = ("Say hello", "start again"),
        [ReaderIntents.Thanks] = ("Say thanks", "finish"),
        [ReaderIntents.Goodbye] = ("Say goodbye", "finish"),
        [ReaderIntents.Unsubscribe] = ("Leave the newsletter", "leave the newsletter"),
        [ReaderIntents.StopAnnouncements] = ("Stop announcements", "stop announcements"),
        [ReaderIntents.AboutBot] = ("Who are you?", "hear who I am"),
        [ReaderIntents.AboutAuthor] = ("About the author", "hear about the author"),
        [ReaderIntents.AboutBook] = ("About the books", "hear about a book"),
        [ReaderIntents.Formats] = ("Formats and prices", "see formats and prices"),
        [ReaderIntents.Series] = ("Reading order", "see the reading order"),
        [ReaderIntents.ContactAuthor] = ("Message the author", "write to the author"),
        [ReaderIntents.Praise] = ("Tell the author you loved a book", "share what you loved"),
        [ReaderIntents.Complaint] = ("Something's wrong", "tell me what went wrong"),
    };

    /// <summary>The button title of an intent.</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>The title.</returns>
    public string TitleOf(string intent) =>
        menu.ForIntent(intent)?.MenuTitle
        ?? content.Faq.FirstOrDefault(f => f.Intent == intent)?.Question
        ?? (_builtIn.TryGetValue(intent, out var entry) ? entry.Title : intent);

    /// <summary>What switching to an intent means, after "and".</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>The phrase.</returns>
    public string PhraseOf(string intent) =>
        menu.ForIntent(intent)?.SwitchPhrase
        ?? (content.Faq.FirstOrDefault(f => f.Intent == intent) is { } faq ? "hear the answer to \"" + faq.Question + "\"" : null)
        ?? (_builtIn.TryGetValue(intent, out var entry) ? entry.Phrase : intent);

    /// <summary>The intent a button title names.</summary>
    /// <param name="title">The title.</param>
    /// <returns>The intent, or null.</returns>
    public string? IntentOf(string? title)
    {
        if (title is null)
        {
            return null;
        }

        return menu.Flows.FirstOrDefault(f => f.MenuTitle == title)?.Intent
            ?? content.Faq.FirstOrDefault(f => f.Question == title)?.Intent
            ?? _builtIn.FirstOrDefault(p => p.Value.Title == title).Key;
    }
}
