namespace AuthorBot.Recommenders.Training;

/// <summary>
/// Options of the item-based neighbourhood model with baseline (Koren 2010, "KNNBaseline"): the residual of a reader's
/// rating over the bias baseline is predicted from the residuals on the most similar items they rated.
/// </summary>
/// <param name="Neighbors">How many of the reader's rated items (the most similar ones) take part.</param>
/// <param name="Shrinkage">Pulls similarities of item pairs with few common readers toward zero: s·(n−1)/(n−1+shrinkage).</param>
/// <param name="Baseline">Options of the bias baseline the residuals are taken over.</param>
public sealed record ItemNeighborhoodOptions(int Neighbors = 40, float Shrinkage = 100f, BaselineOptions? Baseline = null);
