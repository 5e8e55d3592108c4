using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;
using AuthorBot.Understanding.Intents;
using AuthorBot.Understanding.Sentiment;

namespace AuthorBot.Dialogs.Intents;

/// <summary>
/// Reads readers' messages: the intent classifier trained from the shipped examples, the author's examples and FAQ, and
/// the misses the author labelled (all read once, at start-up), plus a sentiment score. Each turn's answer is computed
/// once and kept in the turn state.
/// </summary>
public sealed class ReaderUnderstanding
{
    /// <summary>The turn state key of the turn's <see cref="Understood"/>.</summary>
    public const string TurnStateKey = "AuthorBot.Understood";

    /// <summary>At or above this probability the bot acts on the intent.</summary>
    public const float ActThreshold = 0.5f;

    /// <summary>At or above this (and below <see cref="ActThreshold"/>) it asks "did you mean"; below, it did not understand.</summary>
    public const float AskThreshold = 0.2f;

    /// <summary>
    /// Inside a flow, a message is an answer to its question unless the classifier is at least this sure it asks for
    /// something else: leaving a flow by mistake costs the reader more than a reprompt.
    /// </summary>
    public const float SwitchThreshold = 0.8f;

    /// <summary>Below this share of taught words a message is not understood well enough to act on, however it scores.</summary>
    public const double MinimumCoverage = 0.5;

    /// <summary>VADER compound scores at or below this read as strongly negative.</summary>
    public const double StronglyNegative = -0.5;

    private readonly AuthorContent _content;
    private readonly IntentModelCache _models;
    private readonly ILabelledExampleSource _labelled;
    private readonly string _examplesFolder;
    private readonly Lazy<Task<IntentClassifier>> _classifier;

    /// <summary>Creates the service; nothing trains until <see cref="GetClassifierAsync"/> is first called.</summary>
    /// <param name="content">The author's content (FAQ, examples, titles).</param>
    /// <param name="models">Trained models by the hash of their inputs (one per process).</param>
    /// <param name="labelled">Misses the author labelled.</param>
    /// <param name="sentiment">The sentiment lexicon.</param>
    /// <param name="examplesFolder">The shipped examples; default <see cref="ReaderIntentExamples.DefaultFolder"/>.</param>
    public ReaderUnderstanding(AuthorContent content, IntentModelCache models, ILabelledExampleSource labelled, VaderSentiment sentiment, string? examplesFolder = null)
    {
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _models = models ?? throw new ArgumentNullException(nameof(models));
        _labelled = labelled ?? throw new ArgumentNullException(nameof(labelled));
        Sentiment = sentiment ?? throw new ArgumentNullException(nameof(sentiment));
        _examplesFolder = examplesFolder ?? ReaderIntentExamples.DefaultFolder;
        _classifier = new Lazy<Task<IntentClassifier>>(TrainAsync);
    }

    /// <summary>The sentiment analyzer.</summary>
    public VaderSentiment Sentiment { get; }

    /// <summary>The training options for the author's content: names (titles, the author) read as their kind.</summary>
    /// <param name="content">The author's content.</param>
    /// <returns>The options.</returns>
    public static IntentTrainingOptions TrainingOptions(AuthorContent content) =>
        new() { Entities = ReaderIntentExamples.Entities(content) };

    /// <summary>The band a probability falls in.</summary>
    /// <param name="score">The probability.</param>
    /// <returns>The band.</returns>
    public static UnderstandingBand BandOf(float score) =>
        score >= ActThreshold ? UnderstandingBand.Act : score >= AskThreshold ? UnderstandingBand.Ask : UnderstandingBand.Miss;

    /// <summary>The band of a prediction: its score's, but no more than "ask" when half its words or more were never taught ("the bus stop").</summary>
    /// <param name="prediction">The prediction.</param>
    /// <returns>The band.</returns>
    public static UnderstandingBand BandOf(IntentPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var band = BandOf(prediction.Score);
        return band == UnderstandingBand.Act && prediction.Utterance.Coverage <= MinimumCoverage ? UnderstandingBand.Ask : band;
    }

    /// <summary>The classifier, trained (or taken from the cache) on first call.</summary>
    /// <returns>The classifier.</returns>
    public Task<IntentClassifier> GetClassifierAsync() => _classifier.Value;

    /// <summary>What the turn's message means; computed once per turn and kept in its turn state.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The understanding.</returns>
    public async Task<Understood> UnderstandAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<Understood>(TurnStateKey) is { } known)
        {
            return known;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var understood = await UnderstandAsync(turnContext.Activity.Type == ActivityTypes.Message ? turnContext.Activity.Text : null).ConfigureAwait(false);
        turnContext.TurnState.Set(TurnStateKey, understood);

        // The turn's span carries what was understood (a label and a probability, never the words).
        RecognizedIntent.SetRecognizedIntent(turnContext, understood.Intent ?? "none", understood.Score);
        return understood;
    }

    /// <summary>What a text means.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The understanding.</returns>
    public async Task<Understood> UnderstandAsync(string? text)
    {
        var classifier = await GetClassifierAsync().ConfigureAwait(false);
        var prediction = classifier.Classify(text);
        IReadOnlyList<string> books = prediction.Utterance.Entities.Count == 0
            ? []
            : prediction.Utterance.Entities.Where(m => m.Entity.Kind == "book").Select(m => m.Entity.Value).Distinct(StringComparer.Ordinal).ToList();
        var sentiment = Sentiment;
        return new Understood(prediction, () => sentiment.Score(text), BandOf(prediction), books);
    }

    private async Task<IntentClassifier> TrainAsync()
    {
        var examples = new List<IntentExample>(ReaderIntentExamples.LoadShipped(_examplesFolder));
        examples.AddRange(ReaderIntentExamples.FromAuthor(_content));
        var known = examples.Select(e => e.Intent).ToHashSet(StringComparer.Ordinal);

        // A label the current intents no longer have (an FAQ entry since removed) would teach a class nobody answers.
        examples.AddRange((await _labelled.LoadAsync(CancellationToken.None).ConfigureAwait(false)).Where(e => known.Contains(e.Intent)));
        return await Task.Run(() => _models.GetOrTrain(examples, TrainingOptions(_content))).ConfigureAwait(false);
    }
}
