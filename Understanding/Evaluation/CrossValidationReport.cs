namespace AuthorBot.Understanding.Evaluation;

/// <summary>The result of a k-fold cross-validation: every example predicted once, by a model trained without it.</summary>
/// <param name="Folds">How many folds.</param>
/// <param name="Labels">The intents, sorted; the confusion matrix's row and column order.</param>
/// <param name="Confusion">Counts by actual (row) and predicted (column); the extra last column counts "(none)".</param>
/// <param name="Classes">Per-intent precision, recall and F1.</param>
/// <param name="Predictions">Every held-out prediction.</param>
public sealed record CrossValidationReport(
    int Folds,
    IReadOnlyList<string> Labels,
    int[,] Confusion,
    IReadOnlyList<ClassReport> Classes,
    IReadOnlyList<HeldOutPrediction> Predictions)
{
    /// <summary>The share of examples predicted right.</summary>
    public double Accuracy => Predictions.Count == 0 ? 0 : Predictions.Count(p => p.Actual == p.Predicted) / (double)Predictions.Count;

    /// <summary>The unweighted mean of the intents' F1.</summary>
    public double MacroF1 => Classes.Count == 0 ? 0 : Classes.Average(c => c.F1);
}
