namespace AuthorBot.Understanding.Evaluation;

/// <summary>One example classified by a model that never saw it.</summary>
/// <param name="Text">The example.</param>
/// <param name="Actual">Its label.</param>
/// <param name="Predicted">The best guess ("(none)" when the message had no taught word).</param>
/// <param name="Score">The best guess's probability.</param>
/// <param name="Fold">The fold it was held out in.</param>
public sealed record HeldOutPrediction(string Text, string Actual, string Predicted, float Score, int Fold);
