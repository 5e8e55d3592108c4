using AuthorBot.BotFramework.Dialogs.Prompts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class RatingPromptTests
{
    private const string Question = "How many stars would you give it?";
    private const string NeedRating = "Sorry, I need a rating from 1 to 5 stars, like \"4\" or \"4 stars\". " + Question;
    private const string Range = "Ratings go from 1 to 5 stars. " + Question;

    [Theory]
    [InlineData("4", 4)]
    [InlineData("four", 4)]
    [InlineData("4/5", 4)]
    [InlineData("4 out of 5", 4)]
    [InlineData("four out of five", 4)]
    [InlineData("I'd give it four stars!", 4)]
    [InlineData("a solid 3 of 5", 3)]
    [InlineData("one star", 1)]
    [InlineData("5 stars, loved it", 5)]
    [InlineData("4\u2B50", 4)]
    [InlineData("\u2B50\u2B50\u2B50\u2B50", 4)]
    [InlineData("\u2B50\uFE0F\u2B50\uFE0F", 2)]
    [InlineData("\u2605\u2605\u2605\u2605\u2606", 4)]
    [InlineData("\U0001F31F\U0001F31F\U0001F31F", 3)]
    [InlineData("8/10", 4)]
    [InlineData("7 out of 10", 4)]
    [InlineData("4.5", 5)]
    [InlineData("4.4", 4)]
    [InlineData("three and a half stars", 4)]
    [InlineData("one of my favourites, 5 stars", 5)]
    public async Task Natural_ratings_are_understood(string answer, int expected)
    {
        var harness = new DialogHarness(PromptFlows.Asking(new RatingPrompt("rating"), Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(answer).AssertReply($"number: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("it was great")]
    [InlineData("")]
    [InlineData("stars")]
    public async Task Nonsense_gets_a_retry_that_gives_the_range_and_an_example(string answer)
    {
        var harness = new DialogHarness(PromptFlows.Asking(new RatingPrompt("rating"), Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(answer).AssertReply(NeedRating)
            .Send("5").AssertReply("number: 5")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("11 out of 10")]
    [InlineData("zero stars")]
    [InlineData("\u2606\u2606\u2606\u2606\u2606")]
    [InlineData("-3")]
    [InlineData("0.4")]
    [InlineData("a million")]
    public async Task Out_of_range_ratings_get_a_retry_that_states_the_range(string answer)
    {
        var harness = new DialogHarness(PromptFlows.Asking(new RatingPrompt("rating"), Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(answer).AssertReply(Range)
            .Send("2").AssertReply("number: 2")
            .StartTestAsync();
    }

    [Fact]
    public async Task Fractions_can_be_refused_instead_of_rounded()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new RatingPrompt("rating") { Fractions = RatingFractions.Reject }, Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send("4.5").AssertReply("Please give a whole number of stars, from 1 to 5. " + Question)
            .Send("7/10").AssertReply("Please give a whole number of stars, from 1 to 5. " + Question)
            .Send("8/10").AssertReply("number: 4")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_ten_star_scale_reads_its_own_range_and_scales_five_star_answers()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new RatingPrompt("rating") { MaxStars = 10 }, Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send("11").AssertReply("Ratings go from 1 to 10 stars. " + Question)
            .Send("4 out of 5").AssertReply("number: 8")
            .StartTestAsync();
    }

    [Fact]
    public async Task After_max_attempts_the_prompt_ends_with_no_answer()
    {
        var harness = new DialogHarness(PromptFlows.Asking(new RatingPrompt("rating") { MaxAttempts = 2 }, Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send("9").AssertReply(Range)
            .Send("meh").AssertReply("gave up after 2")
            .StartTestAsync();

        Assert.IsType<NoAnswer>(harness.Results[^1].Result);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(101)]
    public void A_scale_needs_two_to_a_hundred_stars(int max) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RatingPrompt("rating") { MaxStars = max });

    [Property(MaxTest = 300)]
    public Property Any_text_reads_as_nothing_or_a_finite_rating(string? text, PositiveInt max)
    {
        var stars = 2 + (max.Get % 99);
        return (RatingReader.Read(text, stars) is not { } value || double.IsFinite(value)).ToProperty();
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(RatingLikeText)])]
    public async Task Any_rating_like_reply_ends_in_a_rating_in_range_or_a_retry_never_an_exception(RatingLikeText text)
    {
        var harness = new DialogHarness(PromptFlows.Asking(new RatingPrompt("rating"), Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(text.Value).AssertReply(reply =>
            {
                if (reply.Text!.StartsWith("number: ", StringComparison.Ordinal))
                {
                    Assert.InRange(int.Parse(reply.Text["number: ".Length..], System.Globalization.CultureInfo.InvariantCulture), 1, 5);
                }
                else
                {
                    Assert.EndsWith(Question, reply.Text, StringComparison.Ordinal);
                    Assert.Contains("1 to 5", reply.Text, StringComparison.Ordinal);
                }
            })
            .StartTestAsync();
    }

    [Property(MaxTest = 60)]
    public async Task Any_reply_at_all_is_answered_without_an_exception(NonNull<string> text)
    {
        var harness = new DialogHarness(PromptFlows.Asking(new RatingPrompt("rating"), Options()));

        await harness.Flow()
            .Send("start").AssertReply(Question)
            .Send(text.Get).AssertReply(reply => Assert.False(string.IsNullOrEmpty(reply.Text)))
            .StartTestAsync();
    }

    private static PromptOptions Options() => new() { Prompt = WaterfallDialogTests.Message(Question) };

    /// <summary>Replies stitched from the pieces ratings are made of, so the generator reaches the reader's every branch.</summary>
    public sealed record RatingLikeText(string Value)
    {
        private static readonly string[] _pieces =
        [
            "4", "four", "0", "-2", "4.5", "99", "ten", "a", "half", "and", " ", " ", "/", "out of", "of", "stars", "star",
            "\u2B50", "\u2605", "\u2606", "\U0001F31F", "\uFE0F", "!", ".", ",", "x", "1e308", "1/0",
        ];

        public static Arbitrary<RatingLikeText> Arbitrary() =>
            Gen.Elements(_pieces).ListOf().Select(pieces => new RatingLikeText(string.Concat(pieces))).ToArbitrary();

        public override string ToString() => Value;
    }
}
