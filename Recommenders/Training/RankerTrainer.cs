namespace AuthorBot.Recommenders.Training;

/// <summary>Which ML.NET trainer learns the ranking stage.</summary>
public enum RankerTrainer
{
    /// <summary>LightGbm LambdaRank, rows grouped by reader; served from its trees.</summary>
    LightGbm,

    /// <summary>ML.NET's field-aware factorization machine (binary: picked up or not); measured offline, not snapshotted.</summary>
    FieldAwareFactorizationMachine,
}
