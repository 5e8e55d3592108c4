namespace AuthorBot.Recommenders.Training;

/// <summary>
/// Options of implicit-feedback ALS (Hu, Koren and Volinsky 2008). Each entry's value v is a signed strength:
/// v &gt; 0 means preference 1 with confidence 1 + α·v; v &lt; 0 means preference 0 with confidence 1 + α·|v|
/// (an explicit "no"); absent entries are preference 0 with confidence 1.
/// </summary>
/// <param name="Factors">Length of the latent vectors.</param>
/// <param name="Iterations">Alternating sweeps (readers, then items).</param>
/// <param name="Regularization">λ, the L2 penalty on every vector.</param>
/// <param name="Alpha">α, how fast confidence grows with the entry's strength.</param>
/// <param name="Solver">Cholesky (exact) or conjugate gradient.</param>
/// <param name="ConjugateGradientSteps">Steps per row when <paramref name="Solver"/> is conjugate gradient.</param>
/// <param name="InitialStandardDeviation">Spread of the normal distribution the vectors start from.</param>
/// <param name="Seed">Seed of the initialization.</param>
/// <param name="Threads">Worker threads (0 = one per core); rows are independent, so the result does not depend on it.</param>
public sealed record ImplicitAlsOptions(
    int Factors = 64,
    int Iterations = 15,
    float Regularization = 0.1f,
    float Alpha = 10f,
    LinearSolver Solver = LinearSolver.Cholesky,
    int ConjugateGradientSteps = 3,
    float InitialStandardDeviation = 0.01f,
    int Seed = 42,
    int Threads = 0);
