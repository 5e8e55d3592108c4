using System.Globalization;
using AuthorBot.BotFramework.Builder;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Preferences;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;
using NodaTime;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>
/// The reader's quiz record in this turn: their progress from user state, today in their own time zone (the clock is
/// the app's <see cref="TimeProvider"/>), the leaderboard kept in step with their points, and the scoring of an
/// announced question of the week, which can arrive in or out of a round.
/// </summary>
internal sealed class QuizRecords(ReaderStateAccessors state, AuthorContent content, QuizBank bank, QuizLeaderboardStore leaderboard, TimeProvider clock)
{
    public QuizBank Bank => bank;

    public QuizLeaderboardStore Leaderboard => leaderboard;

    public TimeProvider Clock => clock;

    public Task<QuizProgress> ProgressAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        state.QuizProgress.GetAsync(turnContext, () => new QuizProgress(), cancellationToken);

    public async Task<DateOnly> TodayAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await state.Profile.GetAsync(turnContext, () => new ReaderProfile(), cancellationToken).ConfigureAwait(false);
        var zone = ReaderTime.ZoneFor(profile.TimeZone, content.TimeZone).Zone;
        var local = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(zone).Date;
        return new DateOnly(local.Year, local.Month, local.Day);
    }

    /// <summary>Puts the reader's new total on the leaderboard, if they chose to be on it.</summary>
    public Task SyncLeaderboardAsync(ITurnContext turnContext, QuizProgress progress, CancellationToken cancellationToken) =>
        progress.LeaderboardName is null
            ? Task.CompletedTask
            : leaderboard.UpdatePointsAsync(TurnReader.Of(turnContext), progress.Points, cancellationToken);

    /// <summary>Scores a press of an announced question's button: once per question, with the day counted for the streak.</summary>
    public async Task AnswerWeeklyAsync(ITurnContext turnContext, string? questionId, string? choice, CancellationToken cancellationToken)
    {
        if (bank.Find(questionId) is not { } question
            || !int.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= question.Choices.Count)
        {
            await turnContext.SendActivityAsync(
                "That question isn't in the quiz any more. Say \"quiz\" to play a round of the current ones.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var progress = await ProgressAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (progress.WeeklyAnswered.Contains(question.Id))
        {
            await turnContext.SendActivityAsync(
                $"You've already answered this week's question (it was {QuizQuestion.Letter(question.AnswerIndex)}) {question.Answer}). Say \"quiz\" for a full round.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        progress.WeeklyAnswered.Add(question.Id);
        var correct = index == question.AnswerIndex;
        var points = QuizScoring.Answer(progress, correct);
        var streakBonus = QuizScoring.Played(progress, await TodayAsync(turnContext, cancellationToken).ConfigureAwait(false));
        var badges = QuizScoring.AwardBadges(progress, weeklyRight: correct);
        await SyncLeaderboardAsync(turnContext, progress, cancellationToken).ConfigureAwait(false);
        var verdict = correct
            ? $"Right, it's {question.Answer}! +{points} points."
            : $"Not quite: it's {QuizQuestion.Letter(question.AnswerIndex)}) {question.Answer}.";
        await turnContext.SendActivityAsync(
            verdict + QuizReplies.Bonuses(streakBonus, 0, progress) + QuizReplies.Total(progress) + QuizReplies.NewBadges(badges) + " Say \"quiz\" for a full round.",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
