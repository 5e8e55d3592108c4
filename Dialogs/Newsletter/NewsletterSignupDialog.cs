using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Newsletter;

/// <summary>
/// Signs a reader up for the newsletter: name (unless known), email, an explicit consent question, then the
/// consent is stored with its wording and time. A subscribed reader is offered to unsubscribe instead.
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

    /// <summary>Creates the dialog.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="clock">Clock for consent timestamps.</param>
    public NewsletterSignupDialog(ReaderStateAccessors state, TimeProvider clock)
        : base(nameof(NewsletterSignupDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));

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
        if (!profile.IsSubscribed)
        {
            return "You're not subscribed to the newsletter, so there's nothing to stop.";
        }

        profile.Newsletter!.Subscribed = false;
        profile.Newsletter.UnsubscribedAt = now;
        return $"Done: {profile.Newsletter.Email} is unsubscribed from the newsletter. You can subscribe again any time.";
    }

    private async Task<DialogTurnResult> CheckExistingAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
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
                ? Unsubscribe(profile, _clock.GetUtcNow())
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
                Email = email,
                Wording = step.Values.GetValue<string>(WordingKey),
                ConsentedAt = _clock.GetUtcNow(),
                ChannelId = step.Context.Activity.ChannelId,
            };
            await step.Context.SendActivityAsync($"Thanks {name}, you're subscribed.", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await step.Context.SendActivityAsync($"No problem, {name}: you're not subscribed. Say \"subscribe\" if you change your mind.", cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(profile.IsSubscribed, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync("Let's leave the newsletter for now. Say \"subscribe\" whenever you'd like to try again.", cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(false, cancellationToken).ConfigureAwait(false);
    }

    private static Task<bool> ValidateNameAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded && ReaderNameParser.TryParse(prompt.Recognized.Value, out _));
}
