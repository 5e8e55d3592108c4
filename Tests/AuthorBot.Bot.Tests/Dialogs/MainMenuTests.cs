namespace AuthorBot.Bot.Tests.Dialogs;

public class MainMenuTests
{
    [Fact]
    public async Task A_menu_left_unanswered_says_how_to_get_it_back_instead_of_going_quiet()
    {
        await new ReaderBotHarness(channelId: "emulator").Flow()
            .Send("menu")
            .AssertReply(reply => Assert.Equal("What would you like to do?", reply.Text))
            .Send("purple elephants")
            .AssertReply(reply => Assert.Contains("pick one of the options", reply.Text, StringComparison.Ordinal))
            .Send("more purple elephants")
            .AssertReply(reply => Assert.Contains("pick one of the options", reply.Text, StringComparison.Ordinal))
            .Send("still elephants")
            .AssertReply(reply => Assert.Contains("Say \"menu\" whenever", reply.Text, StringComparison.Ordinal))
            .Send("menu")
            .AssertReply(reply => Assert.Equal("What would you like to do?", reply.Text))
            .StartTestAsync();
    }
}
