namespace AuthorBot.Recommenders.Training;

/// <summary>How the learned ranking stage is trained (ML.NET LightGbm LambdaRank over the own models' candidates).</summary>
/// <param name="Candidates">How many candidates a request re-ranks (and a training group holds, plus the books shown or rejected).</param>
/// <param name="Trees">Boosting rounds.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="LearningRate">Shrinkage per round.</param>
/// <param name="MinimumExamplesPerLeaf">Smallest leaf.</param>
/// <param name="LabelShare">Each reader's latest share of interactions that serve as labels; the models that propose the candidates are trained on the rest.</param>
/// <param name="MinimumReaders">Readers with labels needed before the stage is trained at all (below it, the hand-set blend serves).</param>
/// <param name="MinimumInteractions">Interactions needed before the stage is trained at all.</param>
/// <param name="MaximumReaders">At most this many readers' groups train it (a seeded sample), which bounds the training time.</param>
/// <param name="Trainer">LightGbm LambdaRank (served) or the field-aware factorization machine (measured offline only).</param>
/// <param name="Threads">
/// LightGbm threads (0 = one per core); training is deterministic whatever the count. One by default: the retrain shares
/// the machine with serving, and LightGbm's OpenMP threads spin while they wait for a busy core (on the shared 2-core
/// host, 150 trees took 26 s of CPU with two threads and 4.6 s with one).
/// </param>
/// <param name="Seed">Seed of the reader sample and of LightGbm.</param>
public sealed record LearnedRankerOptions(
    int Candidates = 100,
    int Trees = 100,
    int Leaves = 31,
    float LearningRate = 0.05f,
    int MinimumExamplesPerLeaf = 50,
    float LabelShare = 0.2f,
    int MinimumReaders = 30,
    int MinimumInteractions = 500,
    int MaximumReaders = 2000,
    RankerTrainer Trainer = RankerTrainer.LightGbm,
    int Threads = 1,
    int Seed = 42);
