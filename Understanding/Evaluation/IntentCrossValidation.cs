using AuthorBot.Understanding.Intents;

namespace AuthorBot.Understanding.Evaluation;

/// <summary>
/// Stratified k-fold cross-validation of the whole classifier (preparation vocabulary included): each intent's examples
/// are shuffled with the seed and dealt round-robin to the folds, each fold is predicted by a model trained on the
/// others, and the figures are computed over all held-out predictions. No example is ever judged by a model that saw it.
/// </summary>
public static class IntentCrossValidation
{
    /// <summary>What a message with no taught word is counted as.</summary>
    public const string NoPrediction = "(none)";

    /// <summary>Runs the cross-validation.</summary>
    /// <param name="examples">The labelled set.</param>
    /// <param name="options">Training options (the seed also shuffles the folds).</param>
    /// <param name="folds">How many folds; at least 2.</param>
    /// <returns>The report.</returns>
    public static CrossValidationReport Run(IReadOnlyList<IntentExample> examples, IntentTrainingOptions options, int folds = 5)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(options.Seed);
        var foldOf = new int[examples.Count];
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Intent, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var indices = group.ToArray();
            random.Shuffle(indices);
            for (var k = 0; k < indices.Length; k++)
            {
                foldOf[indices[k]] = k % folds;
            }
        }

        var predictions = new List<HeldOutPrediction>(examples.Count);
        for (var fold = 0; fold < folds; fold++)
        {
            var training = examples.Where((_, i) => foldOf[i] != fold).ToList();
            var classifier = IntentClassifier.Train(training, options);
            for (var i = 0; i < examples.Count; i++)
            {
                if (foldOf[i] != fold)
                {
                    continue;
                }

                // Placeholders in braces stand for a name the reader would type: give the held-out example a real-looking
                // one only if the preparer knows names; otherwise classify the example text as written.
                var prediction = classifier.Classify(Realize(examples[i].Text, options));
                predictions.Add(new HeldOutPrediction(examples[i].Text, examples[i].Intent, prediction.Best?.Intent ?? NoPrediction, prediction.Score, fold));
            }
        }

        return Summarize(folds, predictions);
    }

    /// <summary>Figures from held-out predictions.</summary>
    /// <param name="folds">How many folds they came from.</param>
    /// <param name="predictions">The predictions.</param>
    /// <returns>The report.</returns>
    public static CrossValidationReport Summarize(int folds, IReadOnlyList<HeldOutPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var labels = predictions.Select(p => p.Actual).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var confusion = new int[labels.Count, labels.Count + 1];
        foreach (var p in predictions)
        {
            confusion[index[p.Actual], index.TryGetValue(p.Predicted, out var column) ? column : labels.Count]++;
        }

        var classes = new List<ClassReport>(labels.Count);
        for (var c = 0; c < labels.Count; c++)
        {
            var truePositives = confusion[c, c];
            var support = Enumerable.Range(0, labels.Count + 1).Sum(j => confusion[c, j]);
            var predicted = Enumerable.Range(0, labels.Count).Sum(r => confusion[r, c]);
            var precision = predicted == 0 ? 0 : truePositives / (double)predicted;
            var recall = support == 0 ? 0 : truePositives / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes.Add(new ClassReport(labels[c], support, precision, recall, f1));
        }

        return new CrossValidationReport(folds, labels, confusion, classes, predictions);
    }

    private static string Realize(string text, IntentTrainingOptions options)
    {
        foreach (var kind in options.Entities.GroupBy(e => e.Kind, StringComparer.Ordinal))
        {
            var names = kind.ToList();
            text = text.Replace("{" + kind.Key + "}", names[text.Length % names.Count].Phrase, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
