using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Preferences;

/// <summary>
/// Shows and changes how the reader is contacted: time zone, quiet hours, a weekly cap, topics, and announcements
/// on or off. It loops until the reader says they're done, so several settings change in one visit; where cards take
/// input (Teams, Web Chat) it is one form instead (<see cref="PreferencesFormDialog"/>).
/// </summary>
public sealed class PreferencesDialog : ComponentDialog
{
    /// <summary>Menu entries.</summary>
    public const string TimeZoneChoice = "Time zone";

    /// <summary>Menu entries.</summary>
    public const string QuietHoursChoice = "Quiet hours";

    /// <summary>Menu entries.</summary>
    public const string FrequencyChoice = "How often";

    /// <summary>Menu entries.</summary>
    public const string TopicsChoice = "Topics";

    /// <summary>Menu entries.</summary>
    public const string StopChoice = "Stop announcements";

    /// <summary>Menu entries.</summary>
    public const string ResumeChoice = "Resume announcements";

    /// <summary>Menu entries.</summary>
    public const string DoneChoice = "Done";

    private const string Steps = nameof(PreferencesDialog) + ".steps";
    private const string WhatPrompt = "preferences.what";
    private const string ZonePrompt = "preferences.zone";
    private const string QuietPrompt = "preferences.quiet";
    private const string FrequencyPrompt = "preferences.frequency";
    private const string TopicsPrompt = "preferences.topics";
    private const string ChoiceKey = "choice";
    private const string Again = "again";

    private static readonly (string Title, int PerWeek, string[] Synonyms)[] _frequencies =
    [
        ("Once a week", 1, ["1", "one", "once", "weekly", "1 a week"]),
        ("Up to 3 a week", 3, ["3", "three", "3 a week"]),
        ("Up to 7 a week", 7, ["7", "seven", "daily", "every day", "7 a week"]),
    ];

    private readonly ReaderStateAccessors _state;
    private readonly AuthorContent _content;

    /// <summary>Creates the dialog.</summary>
    /// <param name="state">The shared state accessors.</param>
    /// <param name="content">The author's content, for topic suggestions.</param>
    public PreferencesDialog(ReaderStateAccessors state, AuthorContent content)
        : base(nameof(PreferencesDialog))
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _content = content ?? throw new ArgumentNullException(nameof(content));
        AddDialog(new WaterfallDialog(Steps, [ShowAsync, AskAsync, SaveAsync]));
        AddDialog(new ChoicePrompt(WhatPrompt) { Style = ListStyle.SuggestedAction });
        AddDialog(new TextPrompt(ZonePrompt, static (p, cancellationToken) => Task.FromResult(p.Recognized.Succeeded && TimeZoneResolver.TryResolve(p.Recognized.Value, out _))));
        AddDialog(new TextPrompt(QuietPrompt, static (p, cancellationToken) => Task.FromResult(p.Recognized.Succeeded && QuietHoursParser.TryParse(p.Recognized.Value, out _, out _))));
        AddDialog(new ChoicePrompt(FrequencyPrompt) { Style = ListStyle.SuggestedAction });
        AddDialog(new TextPrompt(TopicsPrompt, static (p, cancellationToken) => Task.FromResult(p.Recognized.Succeeded && TopicsParser.TryParse(p.Recognized.Value, out _))));
        AddDialog(new PreferencesFormDialog(state, content));
        InitialDialogId = Steps;
    }

    /// <summary>A readable summary of the reader's contact preferences.</summary>
    /// <param name="profile">The reader's profile.</param>
    /// <param name="content">The author's content (their time zone, used until the reader has one).</param>
    /// <returns>One Markdown list item per setting.</returns>
    public static string Summarize(ReaderProfile profile, AuthorContent content) =>
        string.Concat(SummaryFacts(profile, content).Select(f => $"\n- {f.Title}: {f.Value}"));

    /// <summary>The reader's contact preferences as label and value pairs (time zone, quiet hours, announcements, topics).</summary>
    /// <param name="profile">The reader's profile.</param>
    /// <param name="content">The author's content (their time zone, used until the reader has one).</param>
    /// <returns>The pairs, in that order.</returns>
    public static IReadOnlyList<(string Title, string Value)> SummaryFacts(ReaderProfile profile, AuthorContent content)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(content);
        var preferences = profile.Preferences;
        var zone = TimeZoneResolver.Find(profile.TimeZone) is { } z ? z.Id : $"not set (I use {content.AuthorName}'s, {content.TimeZone})";
        var announcements = preferences.AnnouncementsOptOut
            ? "off (you said stop)"
            : $"on, at most {AnnouncementOptOut.Frequency(preferences.MaxAnnouncementsPerWeek)}";
        var topics = profile.Interests.Count == 0 ? "none yet" : string.Join(", ", profile.Interests);
        return
        [
            ("Time zone", zone),
            ("Quiet hours", QuietHoursParser.Describe(preferences.QuietHoursStart, preferences.QuietHoursEnd)),
            ("Announcements", announcements),
            ("Topics", topics),
        ];
    }

    /// <inheritdoc />
    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);

        // Where cards take input the whole form is one card and one Save; a Save pressed on an older form comes here too.
        var activity = innerDc.Context.Activity;
        return Channel.SupportsAdaptiveCards(activity.ChannelId) || string.Equals(CardSubmit.ActionOf(activity), PreferencesForm.SaveAction, StringComparison.Ordinal)
            ? innerDc.BeginDialogAsync(nameof(PreferencesFormDialog), options, cancellationToken)
            : base.OnBeginDialogAsync(innerDc, options, cancellationToken);
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var intro = step.Options as string == Again
            ? "Anything else to change?"
            : "Here are your preferences:\n" + Summarize(profile, _content) + "\n\nWhat would you like to change?";
        var toggle = profile.Preferences.AnnouncementsOptOut
            ? new Choice(ResumeChoice) { Synonyms = ["resume", "turn on", "start announcements", "turn announcements on"] }
            : new Choice(StopChoice) { Synonyms = ["turn off", "no announcements", "turn announcements off", "pause"] };
        return await step.PromptAsync(WhatPrompt, new PromptOptions
        {
            Prompt = Replies.Question(intro),
            RetryPrompt = Replies.Question("Please pick a setting to change, or \"Done\"."),
            Choices =
            [
                new Choice(TimeZoneChoice) { Synonyms = ["timezone", "zone", "where i live", "my time zone"] },
                new Choice(QuietHoursChoice) { Synonyms = ["quiet", "quiet time", "do not disturb", "sleep"] },
                new Choice(FrequencyChoice) { Synonyms = ["frequency", "how many", "limit", "cap", "how often you message me"] },
                new Choice(TopicsChoice) { Synonyms = ["topic", "interests", "genres"] },
                toggle,
                new Choice(DoneChoice) { Synonyms = ["nothing", "no", "that's all", "thats all", "finished", "all done", "nope"] },
            ],
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var choice = (step.Result as FoundChoice)?.Value;
        step.Values[ChoiceKey] = choice;
        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        switch (choice)
        {
            case TimeZoneChoice:
                return await step.PromptAsync(ZonePrompt, new PromptOptions
                {
                    Prompt = Replies.Question("Which time zone are you in? A city like \"London\" or \"New York\" works, or an id like \"Europe/Paris\"."),
                    RetryPrompt = Replies.Question("I couldn't find that time zone. Try the nearest big city (\"Chicago\", \"Sydney\") or an id like \"America/Toronto\"."),
                }, cancellationToken).ConfigureAwait(false);
            case QuietHoursChoice:
                return await step.PromptAsync(QuietPrompt, new PromptOptions
                {
                    Prompt = Replies.Question("When shouldn't I message you? For example \"10pm to 7am\", or \"none\"."),
                    RetryPrompt = Replies.Question("Please give whole hours like \"22:00 to 07:00\" or \"10pm to 7am\", or say \"none\"."),
                }, cancellationToken).ConfigureAwait(false);
            case FrequencyChoice:
                return await step.PromptAsync(FrequencyPrompt, new PromptOptions
                {
                    Prompt = Replies.Question($"How many announcements may I send you in a week? Now: at most {AnnouncementOptOut.Frequency(profile.Preferences.MaxAnnouncementsPerWeek)}."),
                    RetryPrompt = Replies.Question("Please pick one of the options."),
                    Choices = [.. _frequencies.Select(f => new Choice(f.Title) { Synonyms = f.Synonyms })],
                }, cancellationToken).ConfigureAwait(false);
            case TopicsChoice:
                var suggestions = string.Join(", ", _content.Books.SelectMany(b => b.Tags).Distinct(StringComparer.Ordinal).Take(6));
                return await step.PromptAsync(TopicsPrompt, new PromptOptions
                {
                    Prompt = Replies.Question($"Which topics interest you? Separate them with commas, e.g. \"{suggestions}\". Say \"none\" to clear them."),
                    RetryPrompt = Replies.Question($"Please list up to {TopicsParser.MaxTopics} short topics separated by commas, or say \"none\"."),
                }, cancellationToken).ConfigureAwait(false);
            case StopChoice:
                return await step.NextAsync(AnnouncementOptOut.Stop(profile), cancellationToken).ConfigureAwait(false);
            case ResumeChoice:
                return await step.NextAsync(AnnouncementOptOut.Resume(profile), cancellationToken).ConfigureAwait(false);
            default:
                var text = step.Result is NoAnswer
                    ? "Let's leave your preferences as they are. Say \"preferences\" any time."
                    : "All set. Say \"preferences\" any time to change them.";
                await step.Context.SendActivityAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var profile = await _state.Profile.GetAsync(step.Context, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var answer = step.Result as string;
        string? reply = null;
        if (step.Result is FoundChoice frequency && _frequencies.FirstOrDefault(f => f.Title == frequency.Value) is { Title: not null } chosen)
        {
            profile.Preferences.MaxAnnouncementsPerWeek = chosen.PerWeek;
            reply = $"Got it: at most {AnnouncementOptOut.Frequency(chosen.PerWeek)}.";
        }
        else if (answer is not null)
        {
            reply = step.Values.GetValue<string>(ChoiceKey) switch
            {
                TimeZoneChoice when TimeZoneResolver.TryResolve(answer, out var zone) => SetZone(profile, zone),
                QuietHoursChoice when QuietHoursParser.TryParse(answer, out var start, out var end) => SetQuietHours(profile, start, end),
                TopicsChoice when TopicsParser.TryParse(answer, out var topics) => SetTopics(profile, topics),
                StopChoice or ResumeChoice => answer, // already applied; the step passed on what to say
                _ => null,
            };
        }

        await step.Context.SendActivityAsync(reply ?? "I've left that as it was.", cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(Steps, Again, cancellationToken).ConfigureAwait(false);
    }

    private static string SetZone(ReaderProfile profile, string zone)
    {
        profile.TimeZone = zone;
        profile.TimeZoneFromClient = false;
        return $"Your time zone is now {zone}.";
    }

    private static string SetQuietHours(ReaderProfile profile, int? start, int? end)
    {
        profile.Preferences.QuietHoursStart = start;
        profile.Preferences.QuietHoursEnd = end;
        return start is null ? "No quiet hours: I may message you at any time of day." : $"Quiet hours set: no messages from {QuietHoursParser.Describe(start, end)}, your time.";
    }

    private static string SetTopics(ReaderProfile profile, IReadOnlyList<string> topics)
    {
        profile.Interests = [.. topics];
        return topics.Count == 0 ? "I've cleared your topics." : $"Your topics: {string.Join(", ", topics)}.";
    }
}
