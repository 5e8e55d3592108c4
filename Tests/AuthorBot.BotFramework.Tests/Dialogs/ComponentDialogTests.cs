using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Prompts;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class ComponentDialogTests
{
    [Fact]
    public async Task Help_is_answered_mid_flow_and_the_question_is_asked_again()
    {
        var harness = new DialogHarness(new InterruptibleSignup());

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("help").AssertReply("I'm collecting your details; say cancel to stop.").AssertReply("What's your name?")
            .Send("Ada").AssertReply("Thanks Ada. Your email?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_ends_the_component_and_the_next_message_starts_over()
    {
        var harness = new DialogHarness(new InterruptibleSignup());

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Ada").AssertReply("Thanks Ada. Your email?")
            .Send("cancel").AssertReply("Cancelled.")
            .Send("hello again").AssertReply("What's your name?")
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.Results[2].Status);
    }

    [Fact]
    public async Task Components_nest_and_the_inner_result_reaches_the_outer_step()
    {
        var outer = new ComponentDialog("outer");
        outer.AddDialog(new WaterfallDialog("outer-steps", [
            (step, ct) => step.BeginDialogAsync(nameof(WaterfallDialogTests.SignupDialog), null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"outer got {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        outer.AddDialog(new WaterfallDialogTests.SignupDialog());
        var harness = new DialogHarness(outer);

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Bo").AssertReply("Thanks Bo. Your email?")
            .Send("bo@example.com").AssertReply("Signed up Bo with bo@example.com.").AssertReply("outer got Bo|bo@example.com")
            .StartTestAsync();
    }

    [Fact]
    public void Adding_two_different_dialogs_with_one_id_is_rejected()
    {
        var component = new ComponentDialog("c");
        component.AddDialog(new TextPrompt("same"));

        Assert.Throws<ArgumentException>(() => component.AddDialog(new TextPrompt("same")));
    }

    private sealed class InterruptibleSignup : ComponentDialog
    {
        public InterruptibleSignup()
            : base("interruptible")
        {
            AddDialog(new WaterfallDialogTests.SignupDialog());
        }

        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            switch (innerDc.Context.Activity.Text?.Trim().ToUpperInvariant())
            {
                case "HELP":
                    await innerDc.Context.SendActivityAsync("I'm collecting your details; say cancel to stop.", cancellationToken: cancellationToken);
                    await innerDc.RepromptDialogAsync(cancellationToken);
                    return EndOfTurn;
                case "CANCEL":
                    await innerDc.Context.SendActivityAsync("Cancelled.", cancellationToken: cancellationToken);
                    return await innerDc.CancelAllDialogsAsync(cancellationToken);
                default:
                    return await base.OnContinueDialogAsync(innerDc, cancellationToken);
            }
        }
    }
}
