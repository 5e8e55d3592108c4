using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Preferences;

/// <summary>
/// Preferences where cards have inputs (Teams, Web Chat): sends the form and waits for its Save, which changes
/// everything in one go. A submission with a mistake says what to fix and keeps waiting; a form pressed after the
/// conversation moved on is saved just the same.
/// </summary>
internal sealed class PreferencesFormDialog : Dialog
{
    private const string WaitingHint = "Change your preferences on the form and press Save, or say \"cancel\".";

    private readonly ReaderStateAccessors _state;
    private readonly string _topicExamples;
    private readonly AuthorContent _content;

    public PreferencesFormDialog(ReaderStateAccessors state, AuthorContent content)
        : base(nameof(PreferencesFormDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _topicExamples = string.Join(", ", content.Books.SelectMany(b => b.Tags).Distinct(StringComparer.Ordinal).Take(3));
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (IsSave(dc.Context.Activity))
        {
            return await SaveAsync(dc, cancellationToken).ConfigureAwait(false);
        }

        var profile = await _state.Profile.GetAsync(dc.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var form = MessageFactory.Attachment(AdaptiveCards.ToAttachment(PreferencesForm.Card(profile, _topicExamples)), inputHint: InputHints.ExpectingInput);
        await dc.Context.SendActivityAsync(form, cancellationToken).ConfigureAwait(false);
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

        if (IsSave(dc.Context.Activity))
        {
            return await SaveAsync(dc, cancellationToken).ConfigureAwait(false);
        }

        await dc.Context.SendActivityAsync(Replies.Question(WaitingHint), cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.SendActivityAsync(Replies.Question(WaitingHint), cancellationToken);
    }

    private static bool IsSave(Activity activity) =>
        string.Equals(CardSubmit.ActionOf(activity), PreferencesForm.SaveAction, StringComparison.Ordinal);

    private async Task<DialogTurnResult> SaveAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(dc.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var problems = PreferencesForm.TryApply(profile, dc.Context.Activity.Value);
        if (problems.Count > 0)
        {
            var text = "I haven't changed anything yet. " + string.Join(" ", problems) + " Then press Save again.";
            await dc.Context.SendActivityAsync(Replies.Question(text), cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        // A Markdown list: Teams and Web Chat join single-newline lines into one paragraph.
        var summary = PreferencesDialog.Summarize(profile, _content);
        await dc.Context.SendActivityAsync("Saved. Your preferences now:\n" + summary, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
    }
}
