namespace AuthorBot.Recommenders.Models;

/// <summary>Anything that predicts a rating for a (reader, item) pair of dense indices.</summary>
public interface IRatingPredictor
{
    /// <summary>Predicted rating.</summary>
    float Predict(int user, int item);
}
