namespace AuthorBot.Recommenders.Training;

/// <summary>How the per-row least-squares systems of ALS are solved.</summary>
public enum LinearSolver
{
    /// <summary>Exact solve by Cholesky factorization (MathNet.Numerics).</summary>
    Cholesky,

    /// <summary>A few conjugate-gradient steps warm-started from the previous vector (Takács, Pilászy and Tikk 2011); cheaper per step for many factors.</summary>
    ConjugateGradient,
}
