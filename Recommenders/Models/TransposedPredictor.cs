namespace AuthorBot.Recommenders.Models;

/// <summary>Lets a model trained on the transposed matrix (items as rows) answer in reader-item order; turns the item neighbourhood model into a reader neighbourhood model.</summary>
internal sealed class TransposedPredictor(IRatingPredictor inner) : IRatingPredictor
{
    public float Predict(int user, int item) => inner.Predict(item, user);
}
