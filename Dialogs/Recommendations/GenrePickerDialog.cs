using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Dialogs.Prompts;
using AuthorBot.Dialogs.Intents;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// Asks a new reader which genres they like: one button at a time (then "Done"), or several typed at once
/// ("fantasy, sci-fi and mysteries"). Ends with the chosen catalogue tags; an empty list means "surprise me".
/// </summary>
internal sealed partial class GenrePickerDialog : ComponentDialog
{
    /// <summary>Ends the picking.</summary>
    public const string DoneChoice = "Done";

    /// <summary>Skips genres: popular books.</summary>
    public const string SurpriseChoice = "Surprise me";

    private const int Offered = 10;
    private const int MostPicks = 5;
    private const string StepsId = nameof(GenrePickerDialog) + ".steps";
    private const string PromptId = nameof(GenrePickerDialog) + ".choice";
    private const string PicksKey = "picks";

    private readonly ReaderRecommender _recommender;

    /// <summary>Creates the dialog.</summary>
    /// <param name="recommender">The recommender whose catalogue has the genres.</param>
    public GenrePickerDialog(ReaderRecommender recommender)
        : base(nameof(GenrePickerDialog))
    {
        _recommender = recommender ?? throw new ArgumentNullException(nameof(recommender));
        AddDialog(new WaterfallDialog(StepsId, [AskAsync, CollectAsync]));
        AddDialog(new ChoicePrompt(PromptId, ValidateAsync) { Style = ListStyle.SuggestedAction });
        InitialDialogId = StepsId;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var picks = step.GetOptions<List<string>>() ?? [];
        step.Values[PicksKey] = picks;
        var genres = await _recommender.GenresAsync(cancellationToken).ConfigureAwait(false);
        var choices = genres.TopChoices(Offered, picks);
        choices.Add(picks.Count == 0
            ? new Choice(SurpriseChoice) { Synonyms = ["surprise", "anything", "any", "i don't know", "dont know", "no idea", "whatever"] }
            : new Choice(DoneChoice) { Synonyms = ["done", "that's all", "thats all", "that's it", "no more", "finished", "go"] });
        var question = picks.Count == 0
            ? "Which genres do you like? Pick one, or type a few separated by commas (for example \"fantasy, mystery\")."
            : $"Got it: {string.Join(", ", picks.Select(GenreVocabulary.Label))}. Another genre, or \"{DoneChoice}\"?";
        var retry = picks.Count == 0
            ? $"Sorry, I don't know that genre. Pick one of the buttons, type a few separated by commas, or say \"{SurpriseChoice}\"."
            : $"Sorry, I don't know that genre. Pick another one, or say \"{DoneChoice}\".";
        return await step.PromptAsync(PromptId, new PromptOptions
        {
            Prompt = Replies.Question(question),
            RetryPrompt = Replies.Question(retry),
            Choices = choices,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> CollectAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var picks = step.Values.GetValue<List<string>>(PicksKey) ?? [];
        if (step.Result is NoAnswer)
        {
            return await step.EndDialogAsync(picks, cancellationToken).ConfigureAwait(false);
        }

        var genres = await _recommender.GenresAsync(cancellationToken).ConfigureAwait(false);
        var answer = Read(genres, step.Context.Activity.Text, step.Result as FoundChoice);
        picks.AddRange(answer.Tags.Where(t => !picks.Contains(t, StringComparer.Ordinal)));
        return answer.Finished || picks.Count >= MostPicks
            ? await step.EndDialogAsync(picks, cancellationToken).ConfigureAwait(false)
            : await step.ReplaceDialogAsync(StepsId, picks, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ValidateAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken cancellationToken)
    {
        var genres = await _recommender.GenresAsync(cancellationToken).ConfigureAwait(false);
        var answer = Read(genres, prompt.Context.Activity.Text, prompt.Recognized.Succeeded ? prompt.Recognized.Value : null);
        return answer.Finished || answer.Tags.Count > 0;
    }

    /// <summary>The genres an answer names; a list of several, "done" or "surprise me" finishes the picking.</summary>
    private static (IReadOnlyList<string> Tags, bool Finished) Read(GenreVocabulary genres, string? text, FoundChoice? chosen)
    {
        if (chosen?.Value is DoneChoice or SurpriseChoice || FinishedPattern().IsMatch(ReaderText.Normalize(text)))
        {
            return ([], true);
        }

        var (tags, _) = genres.ParseList(text);
        if (tags.Count == 0 && chosen is not null && genres.Find(chosen.Value) is { } tag)
        {
            tags = [tag];
        }

        return (tags, tags.Count > 1);
    }

    [GeneratedRegex(@"^(done|that's (all|it)|thats (all|it)|no more|finished|surprise me|surprise|anything|any|i don't know|i dont know|dont know|no idea|whatever)$")]
    private static partial Regex FinishedPattern();
}
