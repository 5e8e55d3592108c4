namespace AuthorBot.Recommenders.Training;

/// <summary>
/// Options of Bayesian biased matrix factorization sampled by Gibbs sampling (Salakhutdinov and Mnih 2008, with the
/// per-dimension Normal-Gamma hyperpriors of Rendle's libFM MCMC). Regularization and noise level are sampled rather
/// than tuned, and the prediction averages the model over many posterior samples.
/// </summary>
/// <param name="Factors">Length of the latent vectors (each reader and item also has a bias).</param>
/// <param name="BurnIn">Sweeps run before samples are kept.</param>
/// <param name="Samples">Sweeps whose sample is kept and averaged into the prediction. The trained
/// <see cref="Models.FactorModel"/> concatenates two vectors per kept sweep (a draw and a conditional mean), so it
/// has <c>2 × Factors × Samples</c> factors.</param>
/// <param name="InitialStandardDeviation">Spread of the normal distribution the vectors start from.</param>
/// <param name="Seed">Seed of every random draw; each reader and item has its own stream per sweep, so the result
/// does not depend on the thread count.</param>
/// <param name="Threads">Worker threads (0 = one per core).</param>
public sealed record BayesianMatrixFactorizationOptions(
    int Factors = 10,
    int BurnIn = 10,
    int Samples = 150,
    float InitialStandardDeviation = 0.1f,
    int Seed = 42,
    int Threads = 0);
