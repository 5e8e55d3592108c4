using System.Globalization;
using System.Text;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>
/// The reader quiz: a round of questions about the author's books (<see cref="QuizRoundDialog"/>); the opt-in
/// leaderboard (show it, join under a chosen name, leave it); the reader's record; and the answer to an announced
/// question of the week, whose button press starts this dialog however long after it was sent.
/// </summary>
public sealed class QuizDialog : ComponentDialog
{
    private const string StepsId = nameof(QuizDialog) + ".steps";
    private const string NamePrompt = "quiz.name";
    private const int LeaderboardSize = 10;

    private readonly QuizRecords _records;

    internal QuizDialog(QuizRecords records)
        : base(nameof(QuizDialog))
    {
        _records = records;
        AddDialog(new WaterfallDialog(StepsId, [StartAsync, JoinAsync]));
        AddDialog(new QuizRoundDialog(records));
        AddDialog(new TextPrompt(NamePrompt, ValidateNameAsync));
        InitialDialogId = StepsId;
    }

    private async Task<DialogTurnResult> StartAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var activity = context.Activity;
        if (string.Equals(CardSubmit.ActionOf(activity), QuizCards.AnswerAction, StringComparison.Ordinal))
        {
            if (CardSubmit.Text(activity.Value, QuizCards.WeeklyProperty) == "true")
            {
                await _records.AnswerWeeklyAsync(context, CardSubmit.Text(activity.Value, QuizCards.QuestionProperty), CardSubmit.Text(activity.Value, QuizCards.ChoiceProperty), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await context.SendActivityAsync("That question belongs to a round that's over. Say \"quiz\" to play a new one.", cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var (kind, name) = QuizCommands.Read(activity.Text);
        switch (kind)
        {
            case QuizCommands.Kind.ShowLeaderboard:
                await context.SendActivityAsync(await LeaderboardAsync(context, cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            case QuizCommands.Kind.Record:
                var progress = await _records.ProgressAsync(context, cancellationToken).ConfigureAwait(false);
                await context.SendActivityAsync(QuizReplies.Record(progress), cancellationToken: cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            case QuizCommands.Kind.LeaveLeaderboard:
                await LeaveAsync(context, cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            case QuizCommands.Kind.JoinLeaderboard when name is not null:
                return await step.NextAsync(name, cancellationToken).ConfigureAwait(false);
            case QuizCommands.Kind.JoinLeaderboard:
                return await step.PromptAsync(NamePrompt, new PromptOptions
                {
                    Prompt = Replies.Question(
                        "What name should the leaderboard show? Only that name and your points appear there, so it needn't be your real name."),
                    RetryPrompt = Replies.Question($"Please send a name of 2 to {DisplayNames.MaxLength} letters or digits, or say \"cancel\"."),
                }, cancellationToken).ConfigureAwait(false);
            default:
                return await step.BeginDialogAsync(QuizRoundDialog.DialogId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> JoinAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not string typed)
        {
            // A finished round or a prompt that gave up: nothing more to do.
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var context = step.Context;
        var (name, problem) = DisplayNames.Check(typed);
        if (name is null)
        {
            await context.SendActivityAsync(problem + " Say \"join the leaderboard\" to try again.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var progress = await _records.ProgressAsync(context, cancellationToken).ConfigureAwait(false);
        if (!await _records.Leaderboard.JoinAsync(TurnReader.Of(context), name, progress.Points, _records.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            await context.SendActivityAsync($"Another reader already goes by {name} on the leaderboard. Say \"join the leaderboard as\" and another name.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        progress.LeaderboardName = name;
        await context.SendActivityAsync(
            string.Create(CultureInfo.InvariantCulture, $"You're on the leaderboard as {name}, with {progress.Points} points. Only that name and your points are shown; say \"leave the leaderboard\" to come off it."),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task LeaveAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var progress = await _records.ProgressAsync(context, cancellationToken).ConfigureAwait(false);
        await _records.Leaderboard.LeaveAsync(TurnReader.Of(context), cancellationToken).ConfigureAwait(false);
        var was = progress.LeaderboardName;
        progress.LeaderboardName = null;
        await context.SendActivityAsync(
            was is null
                ? "You're not on the leaderboard, so there's nothing to remove. Your points stay yours alone."
                : $"Done: {was} is off the leaderboard. Your points are still yours; say \"join the leaderboard\" to show them again.",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> LeaderboardAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var top = await _records.Leaderboard.TopAsync(LeaderboardSize, cancellationToken).ConfigureAwait(false);
        var progress = await _records.ProgressAsync(context, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        if (top.Count == 0)
        {
            text.Append("Nobody is on the quiz leaderboard yet.");
        }
        else
        {
            text.Append("Quiz leaderboard (only readers who chose to appear, under the names they picked):");
            for (var i = 0; i < top.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {top[i].DisplayName}: {top[i].Points} points");
            }
        }

        text.Append(progress.LeaderboardName is { } name
            ? $"\n\nYou appear as {name}; say \"leave the leaderboard\" to come off it."
            : "\n\nYou're not on it. Say \"join the leaderboard\" to appear under a name you choose.");
        return text.ToString();
    }

    private static Task<bool> ValidateNameAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded && DisplayNames.Check(prompt.Recognized.Value).Name is not null);
}
