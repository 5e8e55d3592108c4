using AuthorBot.BotFramework.Dialogs.Choices;

namespace AuthorBot.Dialogs.Routing;

/// <summary>The registered flows in menu order, and the menu and help text built from them.</summary>
public sealed class ReaderMenu
{
    /// <summary>The menu entry that takes a reader off the newsletter and announcements.</summary>
    public const string UnsubscribeChoice = "Unsubscribe";

    /// <summary>The menu entry that explains what the bot can do.</summary>
    public const string HelpChoice = "Help";

    /// <summary>Orders the flows and checks that their dialogs and titles are unique.</summary>
    /// <param name="flows">Every registered flow.</param>
    /// <exception cref="InvalidOperationException">Two flows share a dialog id or a menu title.</exception>
    public ReaderMenu(IEnumerable<IReaderFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        Flows = [.. flows.OrderBy(f => f.Order).ThenBy(f => f.MenuTitle, StringComparer.Ordinal)];
        ThrowOnDuplicate(Flows.Select(f => f.Dialog.Id), "dialog id");
        ThrowOnDuplicate(Flows.Select(f => f.Intent), "intent");
        ThrowOnDuplicate(Flows.Select(f => f.MenuTitle).Append(UnsubscribeChoice).Append(HelpChoice), "menu title");
        HelpText = BuildHelpText(Flows);
    }

    /// <summary>The flows in menu order.</summary>
    public IReadOnlyList<IReaderFlow> Flows { get; }

    /// <summary>What the bot can do, as said in the welcome and in help.</summary>
    public string HelpText { get; }

    /// <summary>The menu's choices: the flows, then unsubscribe and help.</summary>
    /// <param name="forAuthor">True to include the author's own tools (<see cref="IReaderFlow.AuthorsOnly"/>).</param>
    /// <returns>A fresh list the caller may change.</returns>
    public IList<Choice> Choices(bool forAuthor = false)
    {
        var choices = new List<Choice>(Flows.Count + 2);
        choices.AddRange(Flows.Where(f => forAuthor || !f.AuthorsOnly).Select(f => new Choice(f.MenuTitle) { Synonyms = [.. f.MenuSynonyms] }));
        choices.Add(new Choice(UnsubscribeChoice) { Synonyms = ["unsubscribe", "opt out"] });
        choices.Add(new Choice(HelpChoice) { Synonyms = ["help"] });
        return choices;
    }

    /// <summary>The flow a menu choice names.</summary>
    /// <param name="menuTitle">The chosen value.</param>
    /// <returns>The flow, or null for a built-in entry.</returns>
    public IReaderFlow? ForMenuTitle(string? menuTitle) =>
        Flows.FirstOrDefault(f => string.Equals(f.MenuTitle, menuTitle, StringComparison.Ordinal));

    /// <summary>The flow an intent starts.</summary>
    /// <param name="intent">The intent's id.</param>
    /// <returns>The flow, or null when the intent is not a flow's.</returns>
    public IReaderFlow? ForIntent(string? intent) => Flows.FirstOrDefault(f => string.Equals(f.Intent, intent, StringComparison.Ordinal));

    /// <summary>The flow whose dialog this is.</summary>
    /// <param name="dialogId">A dialog id.</param>
    /// <returns>The flow, or null.</returns>
    public IReaderFlow? ForDialog(string? dialogId) => Flows.FirstOrDefault(f => string.Equals(f.Dialog.Id, dialogId, StringComparison.Ordinal));

    /// <summary>The flow whose card button sent <paramref name="action"/>.</summary>
    /// <param name="action">The submitted action.</param>
    /// <returns>The flow, or null when no flow knows the action (a card from an older version, say).</returns>
    public IReaderFlow? ForCardAction(string action) => Flows.FirstOrDefault(f => f.HandlesCardAction(action));

    private static string BuildHelpText(IReadOnlyList<IReaderFlow> flows)
    {
        flows = [.. flows.Where(f => !f.AuthorsOnly)];
        var things = flows.Count == 0
            ? string.Empty
            : "Here's what I can do: " + string.Join(", ", flows.Select(f => f.MenuTitle.ToLowerInvariant())) + ". ";
        return things
            + "Say \"unsubscribe\" to leave the newsletter, \"menu\" to see the options, \"cancel\" to stop what we're doing, "
            + "or \"start over\" to begin again.";
    }

    private static void ThrowOnDuplicate(IEnumerable<string> values, string what)
    {
        var duplicate = values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two reader flows share the {what} \"{duplicate.Key}\"; each flow needs its own.");
        }
    }
}
