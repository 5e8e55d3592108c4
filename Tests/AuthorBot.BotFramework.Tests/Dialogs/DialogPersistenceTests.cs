using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.BotFramework.State;
using AuthorBot.BotFramework.Tests.State;

namespace AuthorBot.BotFramework.Tests.Dialogs;

/// <summary>Dialog state in SQLite across a "restart": new storage, adapter and dialog objects over the same file.</summary>
public sealed class DialogPersistenceTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task A_waterfall_continues_after_a_restart_with_its_step_and_values()
    {
        using (var before = new SqliteStorage(_folder.File("bot.db")))
        {
            await new DialogHarness(new WaterfallDialogTests.SignupDialog(), before).Flow()
                .Send("hi").AssertReply("What's your name?")
                .Send("Ada").AssertReply("Thanks Ada. Your email?")
                .StartTestAsync();
        }

        using var after = new SqliteStorage(_folder.File("bot.db"));
        var harness = new DialogHarness(new WaterfallDialogTests.SignupDialog(), after);
        await harness.Flow()
            .Send("ada@example.com").AssertReply("Signed up Ada with ada@example.com.")
            .StartTestAsync();
        Assert.Equal("Ada|ada@example.com", harness.Results[^1].Result);
    }

    [Fact]
    public async Task Values_of_every_json_kind_survive_a_restart()
    {
        using (var before = new SqliteStorage(_folder.File("bot.db")))
        {
            await new DialogHarness(ValuesDialog(), before).Flow().Send("store").AssertReply("stored").StartTestAsync();
        }

        using var after = new SqliteStorage(_folder.File("bot.db"));
        await new DialogHarness(ValuesDialog(), after).Flow()
            .Send("read").AssertReply("Ada|36|0.5|True|fantasy,mystery|Lyon|2|True")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_choice_prompt_retries_and_recognizes_after_a_restart()
    {
        const string question = "What are you interested in? (1) Newsletter, (2) Book launch, or (3) Events";
        using (var before = new SqliteStorage(_folder.File("bot.db")))
        {
            await new DialogHarness(PromptFlows.Asking(new ChoicePrompt("choice"), ChoicePromptTests.Options()), before).Flow()
                .Send("start").AssertReply(question)
                .StartTestAsync();
        }

        using var after = new SqliteStorage(_folder.File("bot.db"));
        await new DialogHarness(PromptFlows.Asking(new ChoicePrompt("choice"), ChoicePromptTests.Options()), after).Flow()
            .Send("hmm").AssertReply("Sorry, I didn't catch which one you meant. Please pick one of the options. " + question)
            .Send("updates").AssertReply("picked Newsletter (0)")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unknown_dialog_id_in_stored_state_restarts_politely()
    {
        var storage = new MemoryStorage();
        await new DialogHarness(new WaterfallDialogTests.SignupDialog(), storage).Flow()
            .Send("hi").AssertReply("What's your name?")
            .StartTestAsync();

        // A deploy renamed the root dialog: the stored stack names one the bot no longer has.
        var renamed = new ComponentDialog("SignupV2");
        renamed.AddDialog(new WaterfallDialog("ask", [(step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = WaterfallDialogTests.Message("Welcome back! Name?") }, ct)]));
        renamed.AddDialog(new TextPrompt("text"));
        await new DialogHarness(renamed, storage).Flow()
            .Send("Ada").AssertReply(DialogExtensions.LostTrackMessage).AssertReply("Welcome back! Name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unknown_inner_dialog_id_restarts_politely_too()
    {
        var storage = new MemoryStorage();
        await new DialogHarness(new WaterfallDialogTests.SignupDialog(), storage).Flow()
            .Send("hi").AssertReply("What's your name?")
            .StartTestAsync();

        // Same root id, but its inner waterfall was renamed.
        var changed = new ComponentDialog(nameof(WaterfallDialogTests.SignupDialog));
        changed.AddDialog(new WaterfallDialog("signup-v2", [(step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = WaterfallDialogTests.Message("Name, please?") }, ct)]));
        changed.AddDialog(new TextPrompt("text"));
        await new DialogHarness(changed, storage).Flow()
            .Send("Ada").AssertReply(DialogExtensions.LostTrackMessage).AssertReply("Name, please?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Dialog_state_json_that_no_longer_fits_restarts_politely()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["test/conversations/convo1"] = new { dialogState = "not a stack" } });

        await new DialogHarness(new WaterfallDialogTests.SignupDialog(), storage).Flow()
            .Send("hi").AssertReply(DialogExtensions.LostTrackMessage).AssertReply("What's your name?")
            .Send("Ada").AssertReply("Thanks Ada. Your email?")
            .StartTestAsync();
    }

    public void Dispose() => _folder.Dispose();

    private static WaterfallDialog ValuesDialog() => new("values", [
        async (step, ct) =>
        {
            step.Values["name"] = "Ada";
            step.Values["age"] = 36;
            step.Values["ratio"] = 0.5;
            step.Values["subscribed"] = true;
            step.Values["interests"] = new List<string> { "fantasy", "mystery" };
            step.Values["address"] = new Address { City = "Lyon", Floor = 2, Verified = true };
            await step.Context.SendActivityAsync("stored", cancellationToken: ct);
            return Dialog.EndOfTurn;
        },
        async (step, ct) =>
        {
            var v = step.Values;
            var address = v.GetValue<Address>("address")!;
            var text = string.Join('|', v.GetValue<string>("name"), v.GetValue<int>("age"), v.GetValue<double>("ratio"), v.GetValue<bool>("subscribed"),
                string.Join(',', v.GetValue<List<string>>("interests")!), address.City, address.Floor, address.Verified);
            await step.Context.SendActivityAsync(text, cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        },
    ]);

    public sealed class Address
    {
        public string? City { get; set; }

        public int Floor { get; set; }

        public bool Verified { get; set; }
    }
}
