namespace AuthorBot.Understanding.Intents;

/// <summary>ML.NET's output row: one probability per intent, in the order of the model's labels.</summary>
public sealed class UtteranceScores
{
    /// <summary>The probabilities.</summary>
#pragma warning disable CA1819 // ML.NET fills the vector column as an array.
    public float[] Score { get; set; } = [];
#pragma warning restore CA1819
}
