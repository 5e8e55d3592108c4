using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Newsletter;

/// <summary>
/// Signs a reader up for the newsletter: name (unless known), email, an explicit consent question, then the
/// consent is stored with its wording and time. A subscribed reader is offered to unsubscribe instead. With double
/// opt-in on, the signup waits for the emailed link, and asking again sends a fresh one.
/// </summary>
public sealed class NewsletterSignupDialog : ComponentDialog
{
    private const string NamePrompt = "newsletter.name";
    private const string EmailPromptId = "newsletter.email";
    private const string ConsentPrompt = "newsletter.consent";
    private const string UnsubscribePrompt = "newsletter.unsubscribe";
    private const string NameKey = "name";
    private const string EmailKey = "email";
    private const string WordingKey = "wording";

    private readonly ReaderStateAccessors _state;
    private readonly TimeProvider _clock;
    private readonly INewsletterConfirmations _confirmations;

    /// <summary>Creates the dialog.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="clock">Clock for consent timestamps.</param>
    /// <param name="confirmations">Double opt-in (confirmation emails), or none.</param>
    public NewsletterSignupDialog(ReaderStateAccessors state, TimeProvider clock, INewsletterConfirmations confirmations)
        : base(nameof(NewsletterSignupDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _confirmations = confirmations ?? throw new ArgumentNullException(nameof(confirmations));

        AddDialog(new WaterfallDialog(nameof(NewsletterSignupDialog) + ".steps",
        [
            CheckExistingAsync,
            AskNameAsync,
            AskEmailAsync,
            AskConsentAsync,
            SaveConsentAsync,
        ]));
        AddDialog(new TextPrompt(NamePrompt, ValidateNameAsync));
        AddDialog(new EmailPrompt(EmailPromptId));
        AddDialog(new ConfirmPrompt(ConsentPrompt));
        AddDialog(new ConfirmPrompt(UnsubscribePrompt));
        InitialDialogId = nameof(NewsletterSignupDialog) + ".steps";
    }

    /// <summary>Unsubscribes the reader, keeping the consent record; returns what to tell them.</summary>
    /// <param name="profile">The reader's profile.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The message for the reader.</returns>
    public static string Unsubscribe(ReaderProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.IsAwaitingConfirmation)
        {
            profile.Newsletter!.Subscribed = false;
            profile.Newsletter.PendingConfirmation = false;
            profile.Newsletter.UnsubscribedAt = now;
            return $"Done: I've cancelled the newsletter signup for {profile.Newsletter.Email}; the confirmation link won't work any more.";
        }

        if (!profile.IsSubscribed)
        {
            return "You're not subscribed to the newsletter, so there's nothing to stop.";
        }

        profile.Newsletter!.Subscribed = false;
        profile.Newsletter.UnsubscribedAt = now;
        return $"Done: {profile.Newsletter.Email} is unsubscribed from the newsletter. You can subscribe again any time.";
    }

    /// <summary>Unsubscribes the reader of this turn and tells the mailing side; returns what to tell them.</summary>
    /// <param name="turnContext">The reader's turn.</param>
    /// <param name="profile">The reader's profile.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The message for the reader.</returns>
    public async Task<string> UnsubscribeAsync(ITurnContext turnContext, ReaderProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(profile);
        var had = profile.Newsletter is { Subscribed: true };
        var now = _clock.GetUtcNow();
        var message = Unsubscribe(profile, now);
        if (had && SignupOf(turnContext, profile) is { } signup)
        {
            await _confirmations.UnsubscribedAsync(signup, now, cancellationToken).ConfigureAwait(false);
        }

        return message;
    }

    private async Task<DialogTurnResult> CheckExistingAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        if (profile.IsAwaitingConfirmation && _confirmations.IsEnabled && SignupOf(step.Context, profile) is { } pending)
        {
            // Asking again (or "resend the confirmation") means the link didn't arrive or expired: send a fresh one.
            var sent = await _confirmations.RequestConfirmationAsync(pending, cancellationToken).ConfigureAwait(false);
            await step.Context.SendActivityAsync(
                sent
                    ? $"I've sent a fresh confirmation link to {pending.Email}. Your subscription starts once you click it. If that address is wrong, say \"unsubscribe\" and sign up again."
                    : $"I've already sent several confirmation links to {pending.Email} recently, so I'll wait before sending another. Please check the spam folder, or ask again later.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(false, cancellationToken).ConfigureAwait(false);
        }

        if (!profile.IsSubscribed)
        {
            return await step.NextAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(UnsubscribePrompt, new PromptOptions
        {
            Prompt = Replies.Question($"You're already subscribed to the newsletter with {profile.Newsletter!.Email}. Would you like to unsubscribe?"),
            RetryPrompt = Replies.Question("Please answer yes to unsubscribe or no to stay subscribed."),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        if (profile.IsSubscribed)
        {
            var message = step.Result is true
                ? await UnsubscribeAsync(step.Context, profile, cancellationToken).ConfigureAwait(false)
                : "Great, you'll stay subscribed.";
            await step.Context.SendActivityAsync(message, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(profile.Name))
        {
            return await step.NextAsync(profile.Name, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(NamePrompt, new PromptOptions
        {
            Prompt = Replies.Question("Happy to sign you up for the newsletter. What's your name?"),
            RetryPrompt = Replies.Question($"Please tell me the name you'd like me to use (up to {ReaderNameParser.MaxLength} characters). What's your name?"),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskEmailAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is NoAnswer)
        {
            return await GiveUpAsync(step, cancellationToken).ConfigureAwait(false);
        }

        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var known = !string.IsNullOrEmpty(profile.Name);
        var answer = step.Result as string ?? string.Empty;
        var name = ReaderNameParser.TryParse(answer, out var parsed) ? parsed : answer.Trim();
        step.Values[NameKey] = name;
        profile.Name = name;

        var greeting = known ? $"Hi {name}! " : $"Nice to meet you, {name}. ";
        // No RetryPrompt: the email prompt's own retry says what the answer lacked (an '@', a domain).
        return await step.PromptAsync(EmailPromptId, new PromptOptions
        {
            Prompt = Replies.Question(greeting + "What's your email address?"),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskConsentAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is NoAnswer)
        {
            return await GiveUpAsync(step, cancellationToken).ConfigureAwait(false);
        }

        // The email prompt found an address; the parser lower-cases its domain (and the fallback guards a stored answer).
        var answer = step.Result as string ?? string.Empty;
        var email = EmailAddressParser.TryParse(answer, out var parsed, out _) ? parsed : answer.Trim();
        step.Values[EmailKey] = email;
        var wording = $"Shall I subscribe {email} to the newsletter? You can unsubscribe any time by typing \"unsubscribe\".";
        step.Values[WordingKey] = wording;
        return await step.PromptAsync(ConsentPrompt, new PromptOptions
        {
            Prompt = Replies.Question(wording),
            RetryPrompt = Replies.Question($"Please answer yes or no: shall I subscribe {email} to the newsletter?"),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> SaveConsentAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is NoAnswer)
        {
            return await GiveUpAsync(step, cancellationToken).ConfigureAwait(false);
        }

        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var name = step.Values.GetValue<string>(NameKey) ?? profile.Name ?? "friend";
        var email = step.Values.GetValue<string>(EmailKey);
        profile.Name = name;
        profile.Email = email;
        profile.Locale ??= step.Context.Activity.Locale;

        if (step.Result is true)
        {
            profile.Newsletter = new NewsletterConsent
            {
                Subscribed = true,
                PendingConfirmation = _confirmations.IsEnabled,
                Email = email,
                Wording = step.Values.GetValue<string>(WordingKey),
                ConsentedAt = _clock.GetUtcNow(),
                ChannelId = step.Context.Activity.ChannelId,
            };
            if (_confirmations.IsEnabled && SignupOf(step.Context, profile) is { } signup)
            {
                var sent = await _confirmations.RequestConfirmationAsync(signup, cancellationToken).ConfigureAwait(false);
                await step.Context.SendActivityAsync(
                    sent
                        ? $"Thanks {name}! I've emailed a confirmation link to {email}. Your subscription starts once you click it. If it doesn't arrive, say \"resend confirmation\"."
                        : $"Thanks {name}. {email} got several confirmation links recently, so I'll wait before sending another: say \"resend confirmation\" later. Your subscription starts once you click a link.",
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await step.Context.SendActivityAsync($"Thanks {name}, you're subscribed.", cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await step.Context.SendActivityAsync($"No problem, {name}: you're not subscribed. Say \"subscribe\" if you change your mind.", cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(profile.Newsletter is { Subscribed: true }, cancellationToken).ConfigureAwait(false);
    }

    private static NewsletterSignup? SignupOf(ITurnContext turnContext, ReaderProfile profile) =>
        profile.Newsletter is { Email: { Length: > 0 } email } consent
        && turnContext.Activity.ChannelId is { Length: > 0 } channelId
        && turnContext.Activity.From?.Id is { Length: > 0 } userId
            ? new NewsletterSignup(new ReaderKey(channelId, userId), email, profile.Name, consent.Wording, consent.ConsentedAt ?? DateTimeOffset.MinValue)
            : null;

    private static async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync("Let's leave the newsletter for now. Say \"subscribe\" whenever you'd like to try again.", cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(false, cancellationToken).ConfigureAwait(false);
    }

    private static Task<bool> ValidateNameAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded && ReaderNameParser.TryParse(prompt.Recognized.Value, out _));
}
