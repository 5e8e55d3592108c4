namespace AuthorBot.Recommenders.Training;

/// <summary>
/// Options of the rating ensemble: two biased MF models of different rank, the item neighbourhood model and the
/// reader neighbourhood model, blended linearly with weights fitted on a held-out slice of the training data;
/// then every member is retrained on all of it.
/// </summary>
/// <param name="MatrixFactorization">Options of the first factor model (defaults when null).</param>
/// <param name="SecondMatrixFactorization">Options of the second factor model; null leaves it out.</param>
/// <param name="Neighborhood">Options of the item neighbourhood model (defaults when null).</param>
/// <param name="UserNeighborhood">Options of the reader neighbourhood model; null leaves it out.</param>
/// <param name="SvdPlusPlus">Options of an SVD++ member; null leaves it out.</param>
/// <param name="HoldoutFraction">Share of the training ratings held out to fit the blend weights.</param>
/// <param name="Seed">Seed of the hold-out draw.</param>
public sealed record RatingEnsembleOptions(
    BiasedMatrixFactorizationOptions? MatrixFactorization = null,
    BiasedMatrixFactorizationOptions? SecondMatrixFactorization = null,
    ItemNeighborhoodOptions? Neighborhood = null,
    ItemNeighborhoodOptions? UserNeighborhood = null,
    SvdPlusPlusOptions? SvdPlusPlus = null,
    float HoldoutFraction = 0.2f,
    int Seed = 7);
