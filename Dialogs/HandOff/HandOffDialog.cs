using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Newsletter;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.HandOff;

/// <summary>
/// Passes a reader's message to the author: asks what to say, then whether (and where) the author may reply, with the
/// question kept as the consent's wording; the message lands in the author's inbox (<see cref="IAuthorInbox"/>) and the
/// reader is told what happens next. Without consent no contact is stored, and the reader is told no reply can come.
/// </summary>
public sealed class HandOffDialog : ComponentDialog
{
    private const string MessagePrompt = "handoff.message";
    private const string ContactPrompt = "handoff.contact";
    private const string KnownEmailPrompt = "handoff.knownEmail";
    private const string UseEmailChoice = "Yes, use that address";
    private const string OtherEmailChoice = "Use another address";
    private const string NoReplyChoice = "No reply needed";
    private const string MessageKey = "message";
    private const string ConsentKey = "consent";

    private readonly ReaderStateAccessors _state;
    private readonly AuthorContent _content;
    private readonly IAuthorInbox _inbox;
    private readonly ReaderUnderstanding _understanding;
    private readonly TimeProvider _clock;

    /// <summary>Creates the dialog.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="content">The author's name.</param>
    /// <param name="inbox">The author's inbox.</param>
    /// <param name="understanding">Scores the message's sentiment for the author's triage.</param>
    /// <param name="clock">Timestamps the message.</param>
    public HandOffDialog(ReaderStateAccessors state, AuthorContent content, IAuthorInbox inbox, ReaderUnderstanding understanding, TimeProvider clock)
        : base(nameof(HandOffDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _understanding = understanding ?? throw new ArgumentNullException(nameof(understanding));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        AddDialog(new WaterfallDialog(nameof(HandOffDialog) + ".steps", [AskMessageAsync, AskContactAsync, ReadContactAsync, DeliverAsync]));
        AddDialog(new TextPrompt(MessagePrompt, static (p, _) => Task.FromResult(p.Recognized.Succeeded && p.Recognized.Value!.Length <= 2000)));
        AddDialog(new ChoicePrompt(KnownEmailPrompt) { Style = ListStyle.SuggestedAction });
        AddDialog(new TextPrompt(ContactPrompt, static (p, _) => Task.FromResult(p.Recognized.Succeeded && (NoReply(p.Recognized.Value) || EmailAddressParser.TryParse(p.Recognized.Value, out var _, out var _)))));
        InitialDialogId = nameof(HandOffDialog) + ".steps";
    }

    private async Task<DialogTurnResult> AskMessageAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        return await step.PromptAsync(MessagePrompt, new PromptOptions
        {
            Prompt = Replies.Question($"What would you like me to pass on to {_content.AuthorName}? Write it in one message (or say \"cancel\")."),
            RetryPrompt = Replies.Question("Please write your message in one go, up to 2000 characters (or say \"cancel\")."),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskContactAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not string message)
        {
            return await GiveUpAsync(step, cancellationToken).ConfigureAwait(false);
        }

        step.Values[MessageKey] = message;
        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        if (profile.Email is { Length: > 0 } known)
        {
            var wording = $"May {_content.AuthorName} reply to you at {known}?";
            step.Values[ConsentKey] = wording;
            return await step.PromptAsync(KnownEmailPrompt, new PromptOptions
            {
                Prompt = Replies.Question(wording),
                RetryPrompt = Replies.Question($"Please choose \"{UseEmailChoice}\", \"{OtherEmailChoice}\" or \"{NoReplyChoice}\"."),
                Choices =
                [
                    new Choice(UseEmailChoice) { Synonyms = ["yes", "yes please", "sure", "ok", "that one"] },
                    new Choice(OtherEmailChoice) { Synonyms = ["another", "different address", "other"] },
                    new Choice(NoReplyChoice) { Synonyms = ["no", "no thanks", "no reply", "anonymous", "don't share"] },
                ],
            }, cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(OtherEmailChoice, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ReadContactAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var chosen = step.Result is FoundChoice found ? found.Value : step.Result as string;
        if (chosen == UseEmailChoice)
        {
            var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
            return await step.NextAsync(profile.Email, cancellationToken).ConfigureAwait(false);
        }

        if (chosen != OtherEmailChoice)
        {
            step.Values.Remove(ConsentKey);
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var wording = $"If you'd like {_content.AuthorName} to reply, type the email address to reply to: I'll share it with {_content.AuthorName} for that only. Or say \"no\" to send your message without it.";
        step.Values[ConsentKey] = wording;
        return await step.PromptAsync(ContactPrompt, new PromptOptions
        {
            Prompt = Replies.Question(wording),
            RetryPrompt = Replies.Question("Please type an email address like name@example.com, or \"no\" to send your message without one."),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> DeliverAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var answer = step.Result as string;
        var contact = answer is not null && !NoReply(answer) && EmailAddressParser.TryParse(answer, out var email, out _) ? email : null;
        var message = step.Values.GetValue<string>(MessageKey) ?? string.Empty;
        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var sentiment = _understanding.Sentiment.Score(message);
        await _inbox.AddAsync(
            new AuthorInboxMessage(
                TurnReader.Of(step.Context),
                profile.Name,
                message,
                contact,
                contact is null ? null : step.Values.GetValue<string>(ConsentKey),
                _clock.GetUtcNow(),
                sentiment <= ReaderUnderstanding.StronglyNegative ? "frustrated" : "asked",
                sentiment),
            cancellationToken).ConfigureAwait(false);
        var next = contact is null
            ? $"{_content.AuthorName} reads these messages personally. You didn't leave an address, so there won't be a reply, but your message will be read."
            : $"{_content.AuthorName} reads these messages personally and replies to {contact}, usually within a week. Your address is used for that reply only.";
        await step.Context.SendActivityAsync($"Thanks, I've passed your message on. {next} Say \"menu\" to see what else I can do.", cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync($"Let's leave it for now: nothing was sent. Say \"contact the author\" whenever you'd like to write to {_content.AuthorName}.", cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(false, cancellationToken).ConfigureAwait(false);
    }

    private static bool NoReply(string? text) =>
        ReaderText.Normalize(text) is "no" or "nope" or "no thanks" or "no thank you" or "none" or "skip" or "no reply" or "anonymous" or "no email" or "don't" or "dont";
}
