using System.Diagnostics;
using System.Globalization;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Understanding.Evaluation;
using AuthorBot.Understanding.Intents;

// The intent classifier's report: k-fold cross-validated accuracy, macro-F1, per-intent precision/recall/F1, the
// confusion matrix, how sure the model was when right and when wrong, and every held-out mistake. The labelled set is
// what the bot trains on at start-up: the shipped examples (Dialogs/Data/intents) and the author's (author.json).
// Run: dotnet run -c Release --project bench/AuthorBot.IntentReport [-- --folds 5 --seed 1 --content path/to/author.json]
var folds = 5;
var seed = 1;
string? contentPath = null;
float? tolerance = null;
int? iterations = null;
float? l2 = null;
for (var i = 0; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--folds":
            folds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--tolerance":
            tolerance = float.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--iterations":
            iterations = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--l2":
            l2 = float.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--content":
            contentPath = args[i + 1];
            break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}; use --folds N, --seed N, --tolerance X, --iterations N, --l2 X, --content PATH.");
            return 2;
    }
}

var content = AuthorContentLoader.Load(ContentServiceCollectionExtensions.ResolvePath(contentPath));
var examples = ReaderIntentExamples.LoadShipped(ReaderIntentExamples.DefaultFolder).Concat(ReaderIntentExamples.FromAuthor(content)).ToList();
var options = ReaderUnderstanding.TrainingOptions(content);
options = options with
{
    OptimizationTolerance = tolerance ?? options.OptimizationTolerance,
    MaximumIterations = iterations ?? options.MaximumIterations,
    L2Regularization = l2 ?? options.L2Regularization,
};
Console.WriteLine($"Labelled set: {examples.Count} utterances, {examples.Select(e => e.Intent).Distinct().Count()} intents ({ReaderIntents.Shipped.Count} shipped, {content.Faq.Count} from the author's FAQ).");
Console.WriteLine($"Classifier: ML.NET FeaturizeText (word 1-{options.WordNgramLength}-grams and char {options.CharNgramLength}-grams, TF-IDF, L2-normalized apart) + LbfgsMaximumEntropy (L2 {options.L2Regularization.ToString(CultureInfo.InvariantCulture)}), seed {seed}.");

var watch = Stopwatch.StartNew();
IntentClassifier.Train(examples, options with { Seed = seed });
Console.WriteLine($"Training on all {examples.Count} (first, with JIT): {watch.ElapsedMilliseconds} ms.");
watch.Restart();
IntentClassifier.Train(examples, options with { Seed = seed });
Console.WriteLine($"Training on all {examples.Count} (again): {watch.ElapsedMilliseconds} ms.");

watch.Restart();
var report = IntentCrossValidation.Run(examples, options with { Seed = seed }, folds);
Console.WriteLine($"{folds}-fold stratified cross-validation in {watch.Elapsed.TotalSeconds:F1} s (each example predicted by a model trained without it).");
Console.WriteLine();
Console.WriteLine($"Accuracy  {report.Accuracy.ToString("P2", CultureInfo.InvariantCulture)}");
Console.WriteLine($"Macro-F1  {report.MacroF1.ToString("F4", CultureInfo.InvariantCulture)}");
Console.WriteLine();

var width = report.Labels.Max(l => l.Length);
Console.WriteLine($"{"intent".PadRight(width)}  support  precision  recall  F1");
foreach (var c in report.Classes)
{
    Console.WriteLine($"{c.Intent.PadRight(width)}  {c.Support,7}  {c.Precision,9:F3}  {c.Recall,6:F3}  {c.F1:F3}");
}

Console.WriteLine();
Console.WriteLine("Confusion matrix (rows: actual, columns: predicted, by number; '-' is 0; last column: no taught word):");
Console.Write(new string(' ', width + 5));
for (var j = 0; j < report.Labels.Count; j++)
{
    Console.Write($"{j + 1,3}");
}

Console.WriteLine("  --");
for (var r = 0; r < report.Labels.Count; r++)
{
    Console.Write($"{r + 1,3}. {report.Labels[r].PadRight(width)}");
    for (var j = 0; j <= report.Labels.Count; j++)
    {
        var n = report.Confusion[r, j];
        Console.Write(j == report.Labels.Count ? $"  {(n == 0 ? "-" : n.ToString(CultureInfo.InvariantCulture)),2}" : $"{(n == 0 ? "-" : n.ToString(CultureInfo.InvariantCulture)),3}");
    }

    Console.WriteLine();
}

Console.WriteLine();
Console.WriteLine("Confidence of held-out predictions against the bot's bands:");
foreach (var (name, low, high) in new[] { ("act", ReaderUnderstanding.ActThreshold, 1.01f), ("did you mean", ReaderUnderstanding.AskThreshold, ReaderUnderstanding.ActThreshold), ("not understood", -1f, ReaderUnderstanding.AskThreshold) })
{
    var band = report.Predictions.Where(p => p.Score >= low && p.Score < high).ToList();
    var right = band.Count(p => p.Predicted == p.Actual);
    Console.WriteLine($"  {name,-15} score in [{Math.Max(0, low):F2}, {Math.Min(1, high):F2}): {band.Count,4} predictions ({band.Count / (double)report.Predictions.Count:P1}), {right} right ({(band.Count == 0 ? 0 : right / (double)band.Count):P1})");
}

var mistakes = report.Predictions.Where(p => p.Predicted != p.Actual).OrderBy(p => p.Actual, StringComparer.Ordinal).ToList();
Console.WriteLine();
Console.WriteLine($"Held-out mistakes ({mistakes.Count}):");
foreach (var m in mistakes)
{
    Console.WriteLine($"  [{m.Actual} -> {m.Predicted} {m.Score:F2}] {m.Text}");
}

return 0;
