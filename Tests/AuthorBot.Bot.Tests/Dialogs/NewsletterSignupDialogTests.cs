using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;

namespace AuthorBot.Bot.Tests.Dialogs;

public class NewsletterSignupDialogTests
{
    [Fact]
    public async Task New_reader_subscribes_in_four_turns_and_consent_is_stored()
    {
        var harness = new ReaderBotHarness();
        await harness.Flow()
            .Send("subscribe to the newsletter")
            .AssertReply(reply => Assert.Contains("name", reply.Text, StringComparison.OrdinalIgnoreCase))
            .Send("my name is jo")
            .AssertReply(reply => Assert.Equal("Nice to meet you, Jo. What's your email address?", reply.Text))
            .Send("it's jo@Example.ORG")
            .AssertReply(reply =>
            {
                Assert.Contains("newsletter", reply.Text, StringComparison.Ordinal);
                Assert.Contains("jo@example.org", reply.Text, StringComparison.Ordinal);
            })
            .Send("yes")
            .AssertReply("Thanks Jo, you're subscribed.")
            .StartTestAsync();

        var profile = await harness.StoredProfileAsync();
        Assert.NotNull(profile);
        Assert.Equal("Jo", profile.Name);
        Assert.Equal("jo@example.org", profile.Email);
        Assert.True(profile.IsSubscribed);
        Assert.Equal(ReaderBotHarness.Now, profile.Newsletter!.ConsentedAt);
        Assert.Contains("jo@example.org", profile.Newsletter.Wording, StringComparison.Ordinal);
        Assert.Equal("test", profile.Newsletter.ChannelId);
    }

    [Theory]
    [InlineData("not an email", "it needs an '@'")]
    [InlineData("jo@", "a name before the '@' and a domain after it")]
    [InlineData("jo@localhost", "a domain after it")]
    public async Task Invalid_email_gets_one_reprompt_that_says_why(string answer, string why)
    {
        var harness = new ReaderBotHarness();
        await harness.Flow()
            .Send("subscribe")
            .AssertReply(reply => Assert.Contains("name", reply.Text, StringComparison.OrdinalIgnoreCase))
            .Send("Jo")
            .AssertReply(reply => Assert.Contains("email", reply.Text, StringComparison.OrdinalIgnoreCase))
            .Send(answer)
            .AssertReply(reply =>
            {
                Assert.StartsWith("That doesn't look like an email address", reply.Text, StringComparison.Ordinal);
                Assert.Contains(why, reply.Text, StringComparison.Ordinal);
            })
            .AssertNoReply("the validator's reprompt replaces the generic retry text")
            .Send("jo@example.org")
            .AssertReply(reply => Assert.Contains("newsletter", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task Nonsense_to_the_consent_question_is_reprompted_and_nothing_is_saved()
    {
        var harness = new ReaderBotHarness();
        await harness.Flow()
            .Send("subscribe")
            .AssertReply(_ => { })
            .Send("Jo")
            .AssertReply(_ => { })
            .Send("jo@example.org")
            .AssertReply(_ => { })
            .Send("purple elephant")
            .AssertReply(reply => Assert.Contains("Please answer yes or no", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        var profile = await harness.StoredProfileAsync();
        Assert.False(profile?.IsSubscribed ?? false);
    }

    [Fact]
    public async Task Saying_no_does_not_subscribe_and_a_known_name_is_not_asked_again()
    {
        var harness = new ReaderBotHarness();
        await harness.Flow()
            .Send("subscribe")
            .AssertReply(_ => { })
            .Send("Jo")
            .AssertReply(_ => { })
            .Send("jo@example.org")
            .AssertReply(_ => { })
            .Send("no")
            .AssertReply(reply => Assert.Contains("you're not subscribed", reply.Text, StringComparison.Ordinal))
            .Send("sign me up")
            .AssertReply("Hi Jo! What's your email address?")
            .StartTestAsync();

        var profile = await harness.StoredProfileAsync();
        Assert.Equal("Jo", profile!.Name);
        Assert.False(profile.IsSubscribed);
    }

    [Fact]
    public async Task A_subscribed_reader_is_told_so_and_can_unsubscribe_there()
    {
        var harness = new ReaderBotHarness();
        await SubscribeAsync(harness);
        await harness.Flow()
            .Send("newsletter")
            .AssertReply(reply => Assert.Contains("already subscribed", reply.Text, StringComparison.Ordinal))
            .Send("yes")
            .AssertReply(reply => Assert.Contains("unsubscribed", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        var profile = await harness.StoredProfileAsync();
        Assert.False(profile!.IsSubscribed);
        Assert.Equal(ReaderBotHarness.Now, profile.Newsletter!.UnsubscribedAt);
        Assert.NotNull(profile.Newsletter.ConsentedAt);
    }

    [Fact]
    public async Task Unsubscribe_works_in_the_middle_of_another_flow()
    {
        var harness = new ReaderBotHarness();
        await SubscribeAsync(harness);
        await harness.Flow()
            .Send("menu")
            .AssertReply(reply => Assert.Contains("What would you like to do?", reply.Text, StringComparison.Ordinal))
            .Send("please unsubscribe me")
            .AssertReply(reply => Assert.Contains("jo@example.org is unsubscribed", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.False((await harness.StoredProfileAsync())!.IsSubscribed);
    }

    [Fact]
    public async Task Help_interrupts_and_the_question_is_asked_again()
    {
        var harness = new ReaderBotHarness();
        await harness.Flow()
            .Send("subscribe")
            .AssertReply(_ => { })
            .Send("Jo")
            .AssertReply(reply => Assert.Contains("email", reply.Text, StringComparison.Ordinal))
            .Send("help")
            .AssertReply(reply => Assert.Contains("newsletter", reply.Text, StringComparison.Ordinal))
            .AssertReply(reply => Assert.Contains("What's your email address?", reply.Text, StringComparison.Ordinal))
            .Send("jo@example.org")
            .AssertReply(reply => Assert.Contains("Shall I subscribe jo@example.org", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_leaves_the_flow_and_start_over_shows_the_menu()
    {
        var harness = new ReaderBotHarness();
        await harness.Flow()
            .Send("subscribe")
            .AssertReply(_ => { })
            .Send("cancel")
            .AssertReply(reply => Assert.Contains("cancelled", reply.Text, StringComparison.Ordinal))
            .Send("Jo")
            .AssertReply(reply => Assert.Contains("Sorry, I didn't catch that", reply.Text, StringComparison.Ordinal))
            .Send("start over")
            .AssertReply("Okay, let's start over.")
            .AssertReply(reply => Assert.Contains("What would you like to do?", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Null((await harness.StoredProfileAsync())?.Name);
    }

    [Fact]
    public async Task The_menu_routes_a_choice_by_its_number()
    {
        var harness = new ReaderBotHarness();
        await harness.Flow()
            .Send("hi")
            .AssertReply(reply => Assert.Contains("What would you like to do?", reply.Text, StringComparison.Ordinal))
            .Send("1")
            .AssertReply(reply => Assert.Contains("What's your name?", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_stack_left_by_an_older_deploy_restarts_politely()
    {
        var storage = new MemoryStorage();
        var harness = new ReaderBotHarness(storage);
        await harness.Flow().Send("subscribe").AssertReply(_ => { }).StartTestAsync();

        // Rename the stored dialog as if a deploy had removed it.
        var probe = harness.Adapter.MakeActivity();
        probe.Type = ActivityTypes.Event;
        probe.Name = "test/corrupt";
        await harness.Adapter.ProcessActivityAsync(probe, async (turnContext, cancellationToken) =>
        {
            var state = await harness.Accessors.DialogState.GetAsync(turnContext, cancellationToken);
            state!.DialogStack[0].Id = "RemovedInThisDeploy";
            await harness.Accessors.DialogState.SetAsync(turnContext, state, cancellationToken);
        });

        await harness.Flow()
            .Send("Jo")
            .AssertReply(reply => Assert.Contains("start again", reply.Text, StringComparison.OrdinalIgnoreCase))
            .StartTestAsync();
    }

    private static Task SubscribeAsync(ReaderBotHarness harness) =>
        harness.Flow()
            .Send("subscribe")
            .AssertReply(_ => { })
            .Send("Jo")
            .AssertReply(_ => { })
            .Send("jo@example.org")
            .AssertReply(_ => { })
            .Send("yes")
            .AssertReply("Thanks Jo, you're subscribed.")
            .StartTestAsync();
}
