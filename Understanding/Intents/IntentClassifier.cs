using System.Collections.Concurrent;
using AuthorBot.Understanding.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace AuthorBot.Understanding.Intents;

/// <summary>
/// Tells which intent a message most likely has, with a probability: an ML.NET pipeline of text featurization (word
/// uni- and bigrams and character trigrams, TF-IDF weighted, L2-normalized) and a maximum-entropy multiclass model
/// trained by L-BFGS, over
/// messages prepared by <see cref="UtterancePreparer"/> (names as placeholders, misspellings corrected). Thread-safe:
/// ML.NET's prediction engines are not, so each call borrows one from a pool.
/// </summary>
public sealed class IntentClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly string[] _labels;
    private readonly ConcurrentBag<Scorer> _scorers = [];

    private IntentClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema, string[] labels, UtterancePreparer preparer, int exampleCount)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        _labels = labels;
        Preparer = preparer;
        ExampleCount = exampleCount;
    }

    /// <summary>The intents it knows, in model order.</summary>
    public IReadOnlyList<string> Intents => _labels;

    /// <summary>How many examples it was trained on.</summary>
    public int ExampleCount { get; }

    /// <summary>How it reads messages (also finds the names in them).</summary>
    public UtterancePreparer Preparer { get; }

    /// <summary>Trains a classifier.</summary>
    /// <param name="examples">The labelled examples; at least two intents.</param>
    /// <param name="options">Training options.</param>
    /// <returns>The trained classifier.</returns>
    /// <exception cref="ArgumentException">Fewer than two intents, or an example without text.</exception>
    public static IntentClassifier Train(IReadOnlyList<IntentExample> examples, IntentTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        if (examples.Select(e => e.Intent).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            throw new ArgumentException("An intent classifier needs examples of at least two intents.", nameof(examples));
        }

        var rows = new List<UtteranceRow>(examples.Count);
        foreach (var example in examples)
        {
            var text = UtterancePreparer.PrepareExample(example.Text);
            if (text.Length == 0)
            {
                throw new ArgumentException($"The example of '{example.Intent}' at {example.Source} has no words.", nameof(examples));
            }

            rows.Add(new UtteranceRow { Label = example.Intent, Text = text });
        }

        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        // Words and character n-grams are weighted by TF-IDF and normalized apart, then joined: the many character
        // n-grams of a message must not drown its few words, and words every intent uses ("the", "me") count for little.
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("WordFeatures", Featurization(new WordBagEstimator.Options
            {
                NgramLength = options.WordNgramLength,
                UseAllLengths = true,
                Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            }, null), nameof(UtteranceRow.Text)))
            .Append(ml.Transforms.Text.FeaturizeText("CharFeatures", Featurization(null, new WordBagEstimator.Options
            {
                NgramLength = options.CharNgramLength,
                UseAllLengths = false,
                Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            }), nameof(UtteranceRow.Text)))
            .Append(ml.Transforms.Concatenate("Features", "WordFeatures", "CharFeatures"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                L2Regularization = options.L2Regularization,
                L1Regularization = 0,
                OptimizationTolerance = options.OptimizationTolerance,
                MaximumNumberOfIterations = options.MaximumIterations,
                NumberOfThreads = 1,
            }));
        return Create(ml, pipeline.Fit(data), data.Schema, examples, options);
    }

    /// <summary>Loads a classifier saved by <see cref="Save"/> from the same examples and options (the preparer's vocabulary comes from the examples).</summary>
    /// <param name="model">The saved model.</param>
    /// <param name="examples">The examples it was trained on.</param>
    /// <param name="options">The options it was trained with.</param>
    /// <returns>The classifier.</returns>
    public static IntentClassifier Load(Stream model, IReadOnlyList<IntentExample> examples, IntentTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var ml = new MLContext(options.Seed);
        var transformer = ml.Model.Load(model, out var schema);
        return Create(ml, transformer, schema, examples, options);
    }

    /// <summary>Saves the trained model (ML.NET's zip format).</summary>
    /// <param name="destination">Where to write it.</param>
    public void Save(Stream destination) => _ml.Model.Save(_model, _inputSchema, destination);

    /// <summary>Classifies a message.</summary>
    /// <param name="text">The message.</param>
    /// <returns>The best two guesses; none when the message holds no word the examples taught.</returns>
    public IntentPrediction Classify(string? text)
    {
        var utterance = Preparer.Prepare(text);

        // Without a single taught word the model can only echo its priors; that is not understanding.
        if (utterance.KnownWords == 0)
        {
            return new IntentPrediction(null, null, utterance);
        }

        var scorer = _scorers.TryTake(out var pooled) ? pooled : new Scorer(_ml.Model.CreatePredictionEngine<UtteranceRow, UtteranceScores>(_model));
        try
        {
            scorer.Input.Text = utterance.Text;
            scorer.Engine.Predict(scorer.Input, ref scorer.Output);
            var scores = scorer.Output.Score;
            int best = -1, second = -1;
            for (var i = 0; i < scores.Length; i++)
            {
                if (best < 0 || scores[i] > scores[best])
                {
                    second = best;
                    best = i;
                }
                else if (second < 0 || scores[i] > scores[second])
                {
                    second = i;
                }
            }

            return new IntentPrediction(
                new IntentGuess(_labels[best], scores[best]),
                second < 0 ? null : new IntentGuess(_labels[second], scores[second]),
                utterance);
        }
        finally
        {
            _scorers.Add(scorer);
        }
    }

    private static IntentClassifier Create(MLContext ml, ITransformer model, DataViewSchema inputSchema, IReadOnlyList<IntentExample> examples, IntentTrainingOptions options)
    {
        var labels = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref labels);
        var preparer = UtterancePreparer.Build(examples.Select(e => e.Text), options.Entities);
        return new IntentClassifier(ml, model, inputSchema, [.. labels.DenseValues().Select(l => l.ToString())], preparer, examples.Count);
    }

    /// <summary>Text featurization of already prepared text: no case folding, stop-word removal or punctuation stripping of its own.</summary>
    private static TextFeaturizingEstimator.Options Featurization(WordBagEstimator.Options? words, WordBagEstimator.Options? chars) => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.None,
        KeepDiacritics = true,
        KeepPunctuations = true,
        KeepNumbers = true,
        StopWordsRemoverOptions = null,
        WordFeatureExtractor = words,
        CharFeatureExtractor = chars,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    /// <summary>A prediction engine with its reusable input and output rows.</summary>
    private sealed class Scorer(PredictionEngine<UtteranceRow, UtteranceScores> engine)
    {
        public PredictionEngine<UtteranceRow, UtteranceScores> Engine { get; } = engine;

        public UtteranceRow Input { get; } = new();

#pragma warning disable SA1401, CA1051 // Predict takes the output row by reference.
        public UtteranceScores Output = new();
#pragma warning restore SA1401, CA1051
    }
}
