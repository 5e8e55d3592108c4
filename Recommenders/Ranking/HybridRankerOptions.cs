namespace AuthorBot.Recommenders.Ranking;

/// <summary>How the hybrid ranker blends its signals and diversifies.</summary>
/// <param name="HistoryHalfSaturation">The collaborative model's share is n/(n + this) for a reader with n positive interactions: half at this many.</param>
/// <param name="ContentWeight">Weight of content scores in the non-collaborative share.</param>
/// <param name="PopularityWeight">Weight of popularity in the non-collaborative share.</param>
/// <param name="ContextWeight">Extra weight of time-of-day and channel popularity.</param>
/// <param name="PreferredTagWeight">How much each chosen genre counts in the content profile, next to a liked book's weight of its strength.</param>
/// <param name="MaxPerAuthor">At most this many picks by one author in a list.</param>
/// <param name="MaxPerSeries">At most this many picks from one series in a list.</param>
/// <param name="DiversityTradeoff">MMR λ: 1 ranks by score alone, lower values trade score for variety.</param>
/// <param name="CandidatePool">How many top-scored candidates diversification chooses from (at least 10× the list).</param>
/// <param name="NamedGenreContentWeight">
/// For a reader with no history who named genres: the weight of content against popularity among the readers of
/// those genres (the rest). Chosen on the validation split: genre-conditioned popularity carries the genres already.
/// </param>
/// <param name="UseLearnedStage">Whether the snapshot's learned stage (when it has one) orders the candidates.</param>
/// <param name="LearnedMinimumHistory">The learned stage serves readers who picked up at least this many books; the blend serves the others.</param>
public sealed record HybridRankerOptions(
    float HistoryHalfSaturation = 5f,
    float ContentWeight = 0.6f,
    float PopularityWeight = 0.4f,
    float ContextWeight = 0.1f,
    float PreferredTagWeight = 1.5f,
    int MaxPerAuthor = 1,
    int MaxPerSeries = 1,
    float DiversityTradeoff = 0.75f,
    int CandidatePool = 60,
    float NamedGenreContentWeight = 0.2f,
    bool UseLearnedStage = true,
    int LearnedMinimumHistory = 1);
