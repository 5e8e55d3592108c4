using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Dialogs.Routing;

/// <summary>
/// "Leave the signup and look at events instead?", asked on top of a flow that would lose what the reader typed. Yes
/// starts the root dialog over on the new intent; no (or anything else) goes back to the flow, which asks its question
/// again.
/// </summary>
/// <param name="dialogId">Its id.</param>
/// <param name="rootDialogId">The root waterfall to start over with a <see cref="SwitchRequest"/>.</param>
internal sealed class LeaveFlowDialog(string dialogId, string rootDialogId) : Dialog(dialogId)
{
    private const string IntentKey = "intent";
    private const string FlowKey = "flow";
    private const string YesChoice = "Yes";
    private const string NoChoice = "No";

    private static readonly Choice[] _choices =
    [
        new(YesChoice) { Synonyms = ["yes", "yes please", "yeah", "yep", "sure", "ok", "okay", "leave", "switch"] },
        new(NoChoice) { Synonyms = ["no", "nope", "no thanks", "stay", "carry on", "continue", "keep going"] },
    ];

    /// <summary>Begins with (intent, flow name, switch phrase).</summary>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var (intent, flow, phrase) = options is (string i, string f, string p) ? (i, f, p) : throw new ArgumentException("Needs (intent, flow name, switch phrase).", nameof(options));
        dc.ActiveDialog!.State[IntentKey] = intent;
        dc.ActiveDialog.State[FlowKey] = flow;
        var question = ChoiceFactory.ForChannel(dc.Context.Activity.ChannelId, _choices, $"Leave {flow} and {phrase} instead?");
        question.InputHint = InputHints.ExpectingInput;
        await dc.Context.SendActivityAsync(question, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        if (Answer(dc.Context) == YesChoice)
        {
            var intent = dc.ActiveDialog!.State.GetValue<string>(IntentKey) ?? string.Empty;
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return await dc.BeginDialogAsync(rootDialogId, new SwitchRequest { Intent = intent }, cancellationToken).ConfigureAwait(false);
        }

        var flow = dc.ActiveDialog!.State.GetValue<string>(FlowKey) ?? "this";
        await dc.Context.SendActivityAsync($"Okay, let's carry on with {flow}.", cancellationToken: cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override Task<bool> RecognizesAnswerAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.FromResult(Answer(turnContext) is not null);

    private static string? Answer(ITurnContext turnContext)
    {
        var found = ChoiceRecognizers.RecognizeChoices(turnContext.Activity.Text ?? ChoiceFactory.ChoiceOf(turnContext.Activity) ?? string.Empty, _choices);
        return found.Count > 0 ? found[0].Resolution.Value : null;
    }
}
