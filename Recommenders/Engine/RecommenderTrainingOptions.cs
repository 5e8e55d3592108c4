using AuthorBot.Recommenders.Training;

namespace AuthorBot.Recommenders.Engine;

/// <summary>How the background trainer builds a <see cref="RecommenderModel"/> from the interaction log.</summary>
/// <param name="Als">Options of the implicit ALS model (defaults when null).</param>
/// <param name="MinimumInteractions">Below this many interactions no ALS model is trained (content and popularity only).</param>
public sealed record RecommenderTrainingOptions(ImplicitAlsOptions? Als = null, int MinimumInteractions = 20)
{
    /// <summary>The ALS options in effect: small and regularized for a catalogue of a few thousand books.</summary>
    public ImplicitAlsOptions EffectiveAls => Als ?? new ImplicitAlsOptions(Factors: 32, Iterations: 10, Regularization: 1f, Alpha: 5f, InitialStandardDeviation: 0.1f);
}
