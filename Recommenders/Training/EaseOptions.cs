namespace AuthorBot.Recommenders.Training;

/// <summary>
/// Options of EASE^R (Steck 2019), a closed-form item-to-item model: B = I − P·diag(1/diag(P)) with P = (XᵀX + λI)⁻¹.
/// The item-by-item matrix is dense, so it suits catalogues of a few thousand items.
/// </summary>
/// <param name="Regularization">λ added to the Gram matrix's diagonal.</param>
public sealed record EaseOptions(float Regularization = 500f);
