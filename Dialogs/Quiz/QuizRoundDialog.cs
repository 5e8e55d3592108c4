using System.Globalization;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>
/// One round: the reader's questions one at a time, each answered by a button or by typing (a letter, a position, the
/// answer's words). Right answers score as they come; the round's end counts the day for the streak, adds the bonuses,
/// awards badges and updates the leaderboard. A reply that names no answer gets a reprompt saying how to answer; after
/// <see cref="MaxMisses"/> of those in a row the round stops, keeping what was scored.
/// </summary>
internal sealed class QuizRoundDialog : Dialog
{
    public const string DialogId = "quiz.round";

    /// <summary>Replies in a row that name no answer before the round stops.</summary>
    public const int MaxMisses = 3;

    private const string IdsKey = "ids";
    private const string IndexKey = "index";
    private const string CorrectKey = "correct";
    private const string MissesKey = "misses";

    private readonly QuizRecords _records;

    public QuizRoundDialog(QuizRecords records)
        : base(DialogId)
    {
        _records = records;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var progress = await _records.ProgressAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        var reader = TurnReader.Of(dc.Context);
        var questions = _records.Bank.Round(string.Create(CultureInfo.InvariantCulture, $"{reader.ChannelId}/{reader.UserId}/{progress.RoundsPlayed}"));
        if (questions.Count == 0)
        {
            await dc.Context.SendActivityAsync("There's no quiz yet: the author hasn't added any books or questions.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var state = dc.ActiveDialog!.State;
        state[IdsKey] = string.Join(' ', questions.Select(q => q.Id));
        state[IndexKey] = 0;
        state[CorrectKey] = 0;
        state[MissesKey] = 0;
        await dc.Context.SendActivityAsync(
            string.Create(CultureInfo.InvariantCulture, $"Quiz time! {questions.Count} questions, {QuizScoring.PointsPerAnswer} points for each right answer. Say \"cancel\" or \"menu\" to stop any time."),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await AskAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var context = dc.Context;
        var state = dc.ActiveDialog!.State;
        if (context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var question = Current(state);
        if (question is null)
        {
            // The bank changed under a round in progress (new author.json): start afresh rather than guess.
            await context.SendActivityAsync("The quiz has changed since this round began. Say \"quiz\" to start a new round.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (IsWeeklyPress(context.Activity))
        {
            await _records.AnswerWeeklyAsync(context, CardSubmit.Text(context.Activity.Value, QuizCards.QuestionProperty), CardSubmit.Text(context.Activity.Value, QuizCards.ChoiceProperty), cancellationToken).ConfigureAwait(false);
            await AskAsync(context, state, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        if (AnswerOf(context.Activity, question) is not { } chosen)
        {
            var misses = state.GetValue<int>(MissesKey) + 1;
            state[MissesKey] = misses;
            if (misses >= MaxMisses)
            {
                await context.SendActivityAsync(
                    "Let's stop the quiz here; the points you scored are kept. Say \"quiz\" whenever you want another go.",
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                return await dc.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await context.SendActivityAsync(
                $"Sorry, I couldn't tell which answer you meant. Reply with a letter (A to {QuizQuestion.Letter(question.Choices.Count - 1)}), "
                + "a position such as \"the second one\", or the answer's words. Say \"cancel\" or \"menu\" to leave the quiz.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            await AskAsync(context, state, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        state[MissesKey] = 0;
        var progress = await _records.ProgressAsync(context, cancellationToken).ConfigureAwait(false);
        var right = chosen == question.AnswerIndex;
        var points = QuizScoring.Answer(progress, right);
        var correct = state.GetValue<int>(CorrectKey) + (right ? 1 : 0);
        state[CorrectKey] = correct;
        var verdict = right
            ? $"Right: {question.Answer}! +{points} points."
            : $"Not quite: it's {QuizQuestion.Letter(question.AnswerIndex)}) {question.Answer}.";

        var index = state.GetValue<int>(IndexKey) + 1;
        state[IndexKey] = index;
        var total = Ids(state).Length;
        if (index < total)
        {
            await _records.SyncLeaderboardAsync(context, progress, cancellationToken).ConfigureAwait(false);
            await context.SendActivityAsync(verdict, cancellationToken: cancellationToken).ConfigureAwait(false);
            await AskAsync(context, state, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        var streakBonus = QuizScoring.Played(progress, await _records.TodayAsync(context, cancellationToken).ConfigureAwait(false));
        var perfectBonus = QuizScoring.RoundFinished(progress, correct, total);
        var badges = QuizScoring.AwardBadges(progress, perfectRound: perfectBonus > 0);
        await _records.SyncLeaderboardAsync(context, progress, cancellationToken).ConfigureAwait(false);
        var summary = MessageFactory.Text(
            verdict
            + string.Create(CultureInfo.InvariantCulture, $"\n\nRound over: {correct} of {total} right.")
            + QuizReplies.Bonuses(streakBonus, perfectBonus, progress)
            + QuizReplies.Total(progress)
            + QuizReplies.NewBadges(badges)
            + (progress.LeaderboardName is null ? " Say \"join the leaderboard\" to show your points under a name you choose." : string.Empty));
        summary.SuggestedActions = new SuggestedActions
        {
            Actions =
            [
                new CardAction(ActionTypes.ImBack, QuizFlow.AnotherRound, QuizFlow.AnotherRound),
                new CardAction(ActionTypes.ImBack, QuizFlow.ShowLeaderboard, QuizFlow.ShowLeaderboard),
                new CardAction(ActionTypes.ImBack, "Menu", "Menu"),
            ],
        };
        await context.SendActivityAsync(summary, cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public override Task<bool> RecognizesAnswerAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        var activity = turnContext.Activity;
        return Task.FromResult(Current(instance.State) is { } question
            && (string.Equals(CardSubmit.ActionOf(activity), QuizCards.AnswerAction, StringComparison.Ordinal) || AnswerOf(activity, question) is not null));
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return AskAsync(turnContext, instance.State, cancellationToken);
    }

    /// <summary>The chosen index: from our own button when it is this question's, else from the typed words.</summary>
    private static int? AnswerOf(Activity activity, QuizQuestion question)
    {
        if (string.Equals(CardSubmit.ActionOf(activity), QuizCards.AnswerAction, StringComparison.Ordinal))
        {
            // A button of an earlier question in this chat is not an answer to this one.
            return string.Equals(CardSubmit.Text(activity.Value, QuizCards.QuestionProperty), question.Id, StringComparison.Ordinal)
                && int.TryParse(CardSubmit.Text(activity.Value, QuizCards.ChoiceProperty), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < question.Choices.Count
                ? index
                : null;
        }

        return QuizAnswerReader.Read(activity.Text, question.Choices);
    }

    /// <summary>An announced question's button: scored as the question of the week (once), even when the round asks the same question.</summary>
    private static bool IsWeeklyPress(Activity activity) =>
        string.Equals(CardSubmit.ActionOf(activity), QuizCards.AnswerAction, StringComparison.Ordinal)
        && CardSubmit.Text(activity.Value, QuizCards.WeeklyProperty) == "true";

    private Task AskAsync(ITurnContext turnContext, IDictionary<string, object?> state, CancellationToken cancellationToken)
    {
        var ids = Ids(state);
        var index = state.GetValue<int>(IndexKey);
        return Current(state) is { } question
            ? turnContext.SendActivityAsync(QuizCards.RoundQuestion(question, index + 1, ids.Length), cancellationToken)
            : Task.CompletedTask;
    }

    private QuizQuestion? Current(IDictionary<string, object?> state)
    {
        var ids = Ids(state);
        var index = state.GetValue<int>(IndexKey);
        return index < ids.Length ? _records.Bank.Find(ids[index]) : null;
    }

    private static string[] Ids(IDictionary<string, object?> state) =>
        state.GetValue<string>(IdsKey)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
