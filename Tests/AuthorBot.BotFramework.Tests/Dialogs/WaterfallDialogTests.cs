using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    [Fact]
    public async Task Steps_advance_one_answer_at_a_time_and_values_carry_across_turns()
    {
        var harness = new DialogHarness(new SignupDialog());

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Ada").AssertReply("Thanks Ada. Your email?")
            .Send("ada@example.com").AssertReply("Signed up Ada with ada@example.com.")
            .StartTestAsync();

        var last = harness.Results[^1];
        Assert.Equal(DialogTurnStatus.Complete, last.Status);
        Assert.Equal("Ada|ada@example.com", last.Result);
    }

    [Fact]
    public async Task NextAsync_skips_ahead_with_a_result_and_cannot_be_called_twice()
    {
        var twice = new List<Exception>();
        var waterfall = new WaterfallDialog("skip", [
            async (step, ct) =>
            {
                var result = await step.NextAsync("skipped", ct);
                twice.Add(await Assert.ThrowsAsync<InvalidOperationException>(() => step.NextAsync(null, ct)));
                return result;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"got {step.Result} at step {step.Index}", cancellationToken: ct);
                return await step.EndDialogAsync(42, ct);
            },
        ]);
        var harness = new DialogHarness(waterfall);

        await harness.Flow().Send("go").AssertReply("got skipped at step 1").StartTestAsync();

        Assert.Single(twice);
        Assert.Equal(42, harness.Results[^1].Result);
    }

    [Fact]
    public async Task A_child_dialogs_result_resumes_the_parent_step()
    {
        var parent = new ComponentDialog("parent");
        parent.AddDialog(new WaterfallDialog("main", [
            (step, ct) => step.BeginDialogAsync("child", "from parent", ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"child said {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        parent.AddDialog(new WaterfallDialog("child", [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"child got {step.GetOptions<string>()}", cancellationToken: ct);
                return await step.PromptAsync("text", new PromptOptions { Prompt = Message("Say something") }, ct);
            },
            (step, ct) => step.EndDialogAsync(((string)step.Result!).ToUpperInvariant(), ct),
        ]));
        parent.AddDialog(new TextPrompt("text"));
        var harness = new DialogHarness(parent);

        await harness.Flow()
            .Send("start").AssertReply("child got from parent").AssertReply("Say something")
            .Send("hello").AssertReply("child said HELLO")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
    }

    [Fact]
    public async Task ReplaceDialog_loops_without_growing_the_stack_and_cancel_empties_it()
    {
        var loop = new WaterfallDialog("loop");
        loop.AddStep((step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Message("Another?") }, ct));
        loop.AddStep(async (step, ct) =>
        {
            if ((string)step.Result! == "stop")
            {
                return await step.CancelAllDialogsAsync(ct);
            }

            await step.Context.SendActivityAsync($"depth {step.Stack.Count}", cancellationToken: ct);
            return await step.ReplaceDialogAsync("loop", null, ct);
        });
        var root = new ComponentDialog("root");
        root.AddDialog(loop).AddDialog(new TextPrompt("text"));
        var harness = new DialogHarness(root);

        await harness.Flow()
            .Send("go").AssertReply("Another?")
            .Send("a").AssertReply("depth 1").AssertReply("Another?")
            .Send("b").AssertReply("depth 1").AssertReply("Another?")
            .Send("stop").AssertNoReply()
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
    }

    [Fact]
    public async Task Non_message_activities_do_not_consume_a_step()
    {
        var harness = new DialogHarness(new SignupDialog());
        var typing = new Activity(ActivityTypes.Typing);

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send(typing).AssertNoReply()
            .Send("Ada").AssertReply("Thanks Ada. Your email?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Beginning_an_unknown_dialog_is_a_clear_programming_error()
    {
        var broken = new WaterfallDialog("broken", [(step, ct) => step.BeginDialogAsync("nope", null, ct)]);
        var harness = new DialogHarness(broken);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Flow().Send("hi").StartTestAsync());
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    internal static Activity Message(string text)
    {
        var activity = Activity.CreateMessageActivity();
        activity.Text = text;
        return activity;
    }

    /// <summary>A three-step sign-up: name, email, confirmation.</summary>
    internal sealed class SignupDialog : ComponentDialog
    {
        public SignupDialog()
            : base(nameof(SignupDialog))
        {
            AddDialog(new WaterfallDialog("signup", [AskNameAsync, AskEmailAsync, FinishAsync]));
            AddDialog(new TextPrompt("text"));
        }

        private static Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken ct) =>
            step.PromptAsync("text", new PromptOptions { Prompt = Message("What's your name?") }, ct);

        private static Task<DialogTurnResult> AskEmailAsync(WaterfallStepContext step, CancellationToken ct)
        {
            step.Values["name"] = step.Result;
            return step.PromptAsync("text", new PromptOptions { Prompt = Message($"Thanks {step.Result}. Your email?") }, ct);
        }

        private static async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken ct)
        {
            var name = step.Values.GetValue<string>("name");
            await step.Context.SendActivityAsync($"Signed up {name} with {step.Result}.", cancellationToken: ct);
            return await step.EndDialogAsync($"{name}|{step.Result}", ct);
        }
    }
}
