using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public sealed class ChoiceRecognizersTests
{
    private static readonly List<Choice> _genres =
    [
        new("Fantasy") { Synonyms = ["dragons", "magic"] },
        new("Science fiction") { Synonyms = ["sci-fi", "scifi"] },
        new("Mystery"),
        new("Historical romance"),
    ];

    [Theory]
    [InlineData("fantasy", 0, "value")]
    [InlineData("  MYSTERY!! ", 2, "value")]
    [InlineData("magic", 0, "value")]
    [InlineData("sci-fi", 1, "value")]
    [InlineData("science fiction", 1, "value")]
    [InlineData("I love science fiction a lot", 1, "value")]
    [InlineData("the first one", 0, "ordinal")]
    [InlineData("2nd", 1, "ordinal")]
    [InlineData("third", 2, "ordinal")]
    [InlineData("last", 3, "ordinal")]
    [InlineData("the last one please", 3, "ordinal")]
    [InlineData("second to last", 2, "ordinal")]
    [InlineData("4", 3, "number")]
    [InlineData("number two", 1, "number")]
    [InlineData("romance", 3, "value")]
    [InlineData("mistery", 2, "fuzzy")]
    [InlineData("fantsay", 0, "fuzzy")]
    [InlineData("histroical romence", 3, "fuzzy")]
    [InlineData("historical romence", 3, "value")]
    public void Recognizes_the_intended_choice(string utterance, int index, string kind)
    {
        var found = ChoiceRecognizers.RecognizeChoices(utterance, _genres);

        Assert.NotEmpty(found);
        Assert.Equal(index, found[0].Resolution.Index);
        Assert.Equal(_genres[index].Value, found[0].Resolution.Value);
        Assert.Equal(kind, found[0].TypeName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("cooking")]
    [InlineData("5")]
    [InlineData("the")]
    [InlineData("I have 2 kids and a dog")]
    public void Recognizes_nothing_in_unrelated_text(string utterance)
    {
        Assert.Empty(ChoiceRecognizers.RecognizeChoices(utterance, _genres));
    }

    [Fact]
    public void A_choice_literally_named_like_a_number_wins_over_the_position()
    {
        var tickets = new List<Choice> { new("1 ticket"), new("2"), new("3") };

        var found = ChoiceRecognizers.RecognizeChoices("2", tickets);

        Assert.Equal(1, found[0].Resolution.Index);
        Assert.Equal("value", found[0].TypeName);
    }

    [Fact]
    public void Exact_matches_score_higher_than_misspellings_and_spans_point_into_the_utterance()
    {
        var exact = ChoiceRecognizers.RecognizeChoices("I pick mystery", _genres)[0];
        var fuzzy = ChoiceRecognizers.RecognizeChoices("mistery", _genres)[0];

        Assert.Equal(1.0, exact.Resolution.Score);
        Assert.InRange(fuzzy.Resolution.Score, 0.1, 0.99);
        Assert.Equal("mystery", exact.Text);
        Assert.Equal(7, exact.Start);
        Assert.Equal(13, exact.End);
    }

    [Fact]
    public void Options_switch_kinds_of_match_off()
    {
        Assert.Empty(ChoiceRecognizers.RecognizeChoices("2", _genres, new FindChoicesOptions { RecognizeNumbers = false }));
        Assert.Empty(ChoiceRecognizers.RecognizeChoices("second", _genres, new FindChoicesOptions { RecognizeOrdinals = false }));
        Assert.Empty(ChoiceRecognizers.RecognizeChoices("mistery", _genres, new FindChoicesOptions { MaxEditDistanceRatio = 0 }));
        Assert.Empty(ChoiceRecognizers.RecognizeChoices("romance", _genres, new FindChoicesOptions { AllowPartialMatches = false, MaxEditDistanceRatio = 0 }));
        Assert.Empty(ChoiceRecognizers.RecognizeChoices("fantasy", _genres, new FindChoicesOptions { NoValue = true, MaxEditDistanceRatio = 0 }));
    }

    [Fact]
    public void Button_titles_are_recognized_too()
    {
        var choices = new List<Choice> { new("rsvp-yes") { Action = new CardAction(ActionTypes.ImBack, "I'll be there", "rsvp-yes") }, new("rsvp-no") };

        var found = ChoiceRecognizers.RecognizeChoices("i'll be there", choices);

        Assert.Equal("rsvp-yes", found[0].Resolution.Value);
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("newsleter", "newsletter", 1)]
    [InlineData("fantsay", "fantasy", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]
    public void Edit_distance_counts_adjacent_swaps_as_one_edit(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }
}
