using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Bot.Tests.Dialogs;

public class ReaderMenuTests
{
    [Fact]
    public void Orders_flows_and_lists_them_before_unsubscribe_and_help()
    {
        var menu = new ReaderMenu([new StubFlow("b.dialog", "Second thing", 20), new StubFlow("a.dialog", "First thing", 10)]);

        Assert.Equal(["First thing", "Second thing", ReaderMenu.UnsubscribeChoice, ReaderMenu.HelpChoice], menu.Choices().Select(c => c.Value));
        Assert.Contains("first thing, second thing", menu.HelpText, StringComparison.Ordinal);
        Assert.Equal("b.dialog", menu.ForMenuTitle("Second thing")?.Dialog.Id);
        Assert.Null(menu.ForMenuTitle(ReaderMenu.HelpChoice));
    }

    [Fact]
    public void Refuses_two_flows_with_one_dialog_id()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ReaderMenu([new StubFlow("same", "One", 1), new StubFlow("same", "Two", 2)]));
        Assert.Contains("same", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_flow_titled_like_a_built_in_entry()
    {
        Assert.Throws<InvalidOperationException>(() => new ReaderMenu([new StubFlow("x", "help", 1)]));
    }

    private sealed class StubFlow(string dialogId, string title, int order) : IReaderFlow
    {
        public Dialog Dialog { get; } = new WaterfallDialog(dialogId, []);

        public string MenuTitle => title;

        public IReadOnlyList<string> MenuSynonyms => [];

        public int Order => order;

        public string Intent => "intent-" + dialogId;

        public string SwitchPhrase => "do " + title;
    }
}
