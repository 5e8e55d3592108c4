namespace AuthorBot.Understanding.Evaluation;

/// <summary>One intent's figures in a cross-validation.</summary>
/// <param name="Intent">The intent.</param>
/// <param name="Support">How many examples it has.</param>
/// <param name="Precision">Of the messages predicted as it, the share that were.</param>
/// <param name="Recall">Of its examples, the share predicted as it.</param>
/// <param name="F1">The harmonic mean of precision and recall.</param>
public sealed record ClassReport(string Intent, int Support, double Precision, double Recall, double F1);
