namespace AuthorBot.Recommenders.Training;

/// <summary>
/// Options of SVD++ (Koren 2008): biased MF whose reader vector is augmented by the normalized sum of implicit item
/// vectors over everything the reader rated, so "which books they chose to rate" informs the prediction.
/// Trained reader by reader with plain SGD and a decaying step; single-threaded and deterministic for a seed.
/// </summary>
/// <param name="Factors">Length of the latent vectors.</param>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="LearningRate">Initial SGD step.</param>
/// <param name="Decay">Step multiplier after each epoch.</param>
/// <param name="Regularization">L2 penalty on the vectors.</param>
/// <param name="BiasRegularization">L2 penalty on the biases.</param>
/// <param name="InitialStandardDeviation">Spread of the normal distribution the vectors start from.</param>
/// <param name="Seed">Seed of initialization and visiting order.</param>
public sealed record SvdPlusPlusOptions(
    int Factors = 32,
    int Epochs = 25,
    float LearningRate = 0.007f,
    float Decay = 0.95f,
    float Regularization = 0.05f,
    float BiasRegularization = 0.01f,
    float InitialStandardDeviation = 0.05f,
    int Seed = 42);
