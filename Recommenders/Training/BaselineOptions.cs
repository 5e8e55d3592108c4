namespace AuthorBot.Recommenders.Training;

/// <summary>
/// Options of the bias baseline, fitted by alternating regularized least squares
/// (Koren 2010, section 2.1): b_u = Σ(r − μ − b_i)/(λ_u + n_u), then b_i = Σ(r − μ − b_u)/(λ_i + n_i).
/// </summary>
/// <param name="UserRegularization">λ_u, shrinks reader biases of readers with few ratings toward zero.</param>
/// <param name="ItemRegularization">λ_i, shrinks item biases of rarely rated items toward zero.</param>
/// <param name="Iterations">Alternations; 10 is plenty, the fit converges in a few.</param>
public sealed record BaselineOptions(float UserRegularization = 15f, float ItemRegularization = 10f, int Iterations = 10);
