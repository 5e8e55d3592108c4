using AuthorBot.Recommenders.Training;

namespace AuthorBot.Recommenders.Engine;

/// <summary>How the background trainer builds a <see cref="RecommenderModel"/> from the interaction log.</summary>
/// <param name="Als">Options of the implicit ALS model (<see cref="EffectiveAls"/> when null).</param>
/// <param name="MinimumInteractions">Below this many interactions no ALS or EASE model is trained (content and popularity only).</param>
/// <param name="Ease">Options of the EASE item-to-item model (<see cref="EffectiveEase"/> when null).</param>
/// <param name="ItemItemMaxItems">EASE covers at most this many of the most read items (its matrix is dense: items² floats).</param>
/// <param name="Ranker">Options of the learned ranking stage (defaults when null).</param>
/// <param name="LearnedStage">False trains no learned stage, so the hand-set blend serves (as before it existed).</param>
public sealed record RecommenderTrainingOptions(
    ImplicitAlsOptions? Als = null,
    int MinimumInteractions = 20,
    EaseOptions? Ease = null,
    int ItemItemMaxItems = 1500,
    LearnedRankerOptions? Ranker = null,
    bool LearnedStage = true)
{
    /// <summary>The ALS options in effect: chosen on the ml-100k validation split (see bench/AuthorBot.RecommenderEval).</summary>
    public ImplicitAlsOptions EffectiveAls => Als ?? new ImplicitAlsOptions(Factors: 32, Iterations: 10, Regularization: 1f, Alpha: 5f, InitialStandardDeviation: 0.1f);

    /// <summary>The EASE options in effect.</summary>
    public EaseOptions EffectiveEase => Ease ?? new EaseOptions(500f);

    /// <summary>The learned stage's options in effect.</summary>
    public LearnedRankerOptions EffectiveRanker => Ranker ?? new LearnedRankerOptions();
}
