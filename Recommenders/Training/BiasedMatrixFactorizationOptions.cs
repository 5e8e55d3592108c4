namespace AuthorBot.Recommenders.Training;

/// <summary>
/// Options of biased matrix factorization trained by stochastic gradient descent with LIBMF's per-vector
/// adaptive learning rate (AdaGrad with one accumulated squared gradient per vector).
/// </summary>
/// <param name="Factors">Length of the latent vectors.</param>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="LearningRate">AdaGrad base step; the effective step shrinks as squared gradients accumulate.</param>
/// <param name="Regularization">L2 penalty on the latent vectors.</param>
/// <param name="BiasRegularization">L2 penalty on reader and item biases.</param>
/// <param name="InitialStandardDeviation">Spread of the normal distribution the vectors start from.</param>
/// <param name="Seed">Seed of every random choice (initialization, block assignment, visit order).</param>
/// <param name="Threads">Worker threads (0 = one per core). The data is cut into 2×threads reader blocks and item blocks; blocks that share no reader and no item run at once, so the result depends only on seed and thread count.</param>
public sealed record BiasedMatrixFactorizationOptions(
    int Factors = 128,
    int Epochs = 40,
    float LearningRate = 0.05f,
    float Regularization = 0.05f,
    float BiasRegularization = 0.01f,
    float InitialStandardDeviation = 0.05f,
    int Seed = 42,
    int Threads = 0);
