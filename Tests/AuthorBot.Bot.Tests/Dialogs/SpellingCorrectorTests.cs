using AuthorBot.Understanding.Text;

namespace AuthorBot.Bot.Tests.Dialogs;

public class SpellingCorrectorTests
{
    [Theory]
    [InlineData("recomend", "recommend")]
    [InlineData("newsleter", "newsletter")]
    [InlineData("newsletterr", "newsletter")]
    [InlineData("purple", "purple")]
    public void Corrects_a_typo_to_a_known_word_and_leaves_the_rest(string typed, string expected)
    {
        var speller = new SpellingCorrector(["recommend", "newsletter", "book"]);

        Assert.Equal(expected, speller.Correct(typed));
    }

    [Fact]
    public void A_word_far_longer_than_any_known_costs_nothing_to_correct()
    {
        var speller = new SpellingCorrector(["recommend", "newsletter", "book"]);
        var pasted = new string('x', 4_000);
        speller.Correct("warmup");

        // Every one-letter deletion of it would be 4,000 strings of 4,000 letters: 32 MB for one message.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var corrected = speller.Correct(pasted);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(pasted, corrected);
        Assert.True(allocated < 64 * 1024, $"correcting a 4,000-letter word allocated {allocated:N0} bytes");
    }
}
