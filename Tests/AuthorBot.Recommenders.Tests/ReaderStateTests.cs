using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Recommenders.Tests;

/// <summary>The reader's history as ranking sees it, built from sorted arrays.</summary>
public class ReaderStateTests
{
    [Fact]
    public void Strengths_sum_per_book_impressions_only_count_as_shown_and_the_latest_books_come_first()
    {
        var catalog = TestCatalog.Create();
        var at = TestCatalog.Noon;
        string Book(int n) => catalog[n].Id;
        List<Interaction> log =
        [
            new("r", Book(5), InteractionKind.Like, at),
            new("r", Book(2), InteractionKind.Rating, at.AddHours(1), 5),
            new("r", Book(9), InteractionKind.Impression, at.AddHours(2)),
            new("r", Book(5), InteractionKind.Rating, at.AddHours(3), 1),
            new("r", Book(7), InteractionKind.Click, at.AddHours(3)),
            new("r", Book(9), InteractionKind.Impression, at.AddHours(4)),
            new("r", Book(3), InteractionKind.Impression, at.AddHours(4)),
            new("r", "not-in-the-catalogue", InteractionKind.Like, at.AddHours(5)),
            new("r", Book(4), InteractionKind.Rating, at.AddHours(3), 4),
        ];

        var reader = new ReaderState(log, catalog);

        var bySum = log.Where(i => i.Kind != InteractionKind.Impression && catalog.TryGetIndex(i.ItemId, out _))
            .GroupBy(i => catalog.TryGetIndex(i.ItemId, out var n) ? n : -1)
            .Select(g => (g.Key, g.Sum(i => i.Strength)))
            .Where(s => s.Item2 != 0)
            .OrderBy(s => s.Key)
            .Select(s => (s.Key, Math.Clamp(s.Item2, -4f, 4f)));
        Assert.Equal(bySum, reader.Strengths);
        Assert.Equal(2, reader.TimesShown(9));
        Assert.Equal(1, reader.TimesShown(3));
        Assert.Equal(0, reader.TimesShown(5));
        Assert.DoesNotContain(9, reader.Excluded);
        Assert.Equal(at.AddHours(3), reader.LastInteraction);

        // Books 4, 5 and 7 were last touched at the same hour: the higher index breaks the tie.
        Assert.Equal([7, 5, 4], reader.Recent);
        Assert.Equal(reader.Strengths.Count(s => s.Strength > 0.5f), reader.PositiveCount);
    }
}
