namespace AuthorBot.RecommenderEval;

/// <summary>One rating from a MovieLens file, with ids already made zero-based and dense where the file allows.</summary>
internal readonly record struct RatingRow(int User, int Item, float Rating, long Timestamp);
