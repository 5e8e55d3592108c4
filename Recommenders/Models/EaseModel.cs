using AuthorBot.Recommenders.Numerics;

namespace AuthorBot.Recommenders.Models;

/// <summary>An item-to-item weight matrix; a reader's score for an item is the sum of the weights from the items they interacted with.</summary>
public sealed class EaseModel
{
    private readonly float[] _weights;

    internal EaseModel(int itemCount, float[] weights)
    {
        ItemCount = itemCount;
        _weights = weights;
    }

    /// <summary>Number of items.</summary>
    public int ItemCount { get; }

    /// <summary>Weight from one item to another.</summary>
    public float Weight(int from, int to) => _weights[(from * ItemCount) + to];

    /// <summary>Scores every item for a reader given the items they interacted with and how strongly (1 for binary data).</summary>
    public void ScoreItems(ReadOnlySpan<int> history, ReadOnlySpan<float> strengths, Span<float> scores)
    {
        if (scores.Length < ItemCount)
        {
            throw new ArgumentException($"Need room for {ItemCount} scores.", nameof(scores));
        }

        scores[..ItemCount].Clear();
        for (var n = 0; n < history.Length; n++)
        {
            VectorMath.AddScaled(scores[..ItemCount], strengths.IsEmpty ? 1f : strengths[n], _weights.AsSpan(history[n] * ItemCount, ItemCount));
        }
    }
}
