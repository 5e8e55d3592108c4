namespace AuthorBot.RecommenderEval;

/// <summary>
/// Holds out each reader's later ratings: sorted by time (ties by item id), the last <c>fraction</c> of a reader's
/// ratings (at least one, for readers with two or more) form the held-out part. Applied to the training part again it
/// carves the validation split, so hyper-parameters are chosen without touching the test ratings.
/// </summary>
internal static class TimeSplit
{
    public static (List<RatingRow> Early, List<RatingRow> Late) Split(IEnumerable<RatingRow> rows, double fraction = 0.2)
    {
        var early = new List<RatingRow>();
        var late = new List<RatingRow>();
        foreach (var reader in rows.GroupBy(r => r.User).OrderBy(g => g.Key))
        {
            var ordered = reader.OrderBy(r => r.Timestamp).ThenBy(r => r.Item).ToList();
            var held = ordered.Count < 2 ? 0 : Math.Max(1, (int)Math.Round(ordered.Count * fraction));
            early.AddRange(ordered.Take(ordered.Count - held));
            late.AddRange(ordered.Skip(ordered.Count - held));
        }

        return (early, late);
    }
}
