using AuthorBot.Understanding.Text;

namespace AuthorBot.Understanding.Intents;

/// <summary>How the classifier is trained. Small and immutable; the same options and examples give the same model.</summary>
public sealed record IntentTrainingOptions
{
    /// <summary>Seeds ML.NET and the cross-validation folds (the trainer runs on one thread, so results do not depend on scheduling either).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Longest word n-gram (all shorter ones are used too).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Length of the character n-grams (only this length; words bring the shorter units).</summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>L2 regularization of the maximum-entropy model; larger is smoother (and less sure of itself).</summary>
    public float L2Regularization { get; init; } = 0.001f;

    /// <summary>L-BFGS stops when the loss improves by less than this; looser trains faster at start-up.</summary>
    public float OptimizationTolerance { get; init; } = 1e-7f;

    /// <summary>L-BFGS stops after this many iterations at most.</summary>
    public int MaximumIterations { get; init; } = int.MaxValue;

    /// <summary>Names read as their kind (book titles, the author's name).</summary>
    public IReadOnlyList<EntityPhrase> Entities { get; init; } = [];
}
