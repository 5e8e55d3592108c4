using AuthorBot.Recognizers.Number;

namespace AuthorBot.Recognizers.Tests;

public sealed class NumberRecognizerTests
{
    [Theory]
    [InlineData("twenty one", 21)]
    [InlineData("Twenty-One", 21)]
    [InlineData("a dozen", 12)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("-3", -3)]
    [InlineData("minus two", -2)]
    [InlineData("two thirds", 2.0 / 3)]
    [InlineData("one thousand nine hundred and eighty four", 1984)]
    public void TryParseExact_reads_a_whole_cardinal(string text, double expected)
    {
        Assert.True(NumberExtractor.TryParseExact(text, allowOrdinal: false, out var value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("third", 3)]
    [InlineData("21st", 21)]
    [InlineData("twenty-second", 22)]
    [InlineData("two hundredth", 200)]
    public void TryParseExact_reads_ordinals_only_when_allowed(string text, double expected)
    {
        Assert.True(NumberExtractor.TryParseExact(text, allowOrdinal: true, out var value));
        Assert.Equal(expected, value);
        Assert.False(NumberExtractor.TryParseExact(text, allowOrdinal: false, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("banana")]
    [InlineData("two apples")]
    [InlineData("the one you mentioned")]
    public void TryParseExact_rejects_text_that_is_not_exactly_one_number(string text) =>
        Assert.False(NumberExtractor.TryParseExact(text, allowOrdinal: true, out _));

    [Fact]
    public void Numbers_keep_original_casing_and_inclusive_end()
    {
        var result = Assert.Single(NumberRecognizer.RecognizeNumber("Book TWO seats"));
        Assert.Equal("TWO", result.Text);
        Assert.Equal(5, result.Start);
        Assert.Equal(7, result.End);
        Assert.Equal("2", result.Resolution["value"]);
        Assert.Equal("integer", result.Resolution["subtype"]);
    }

    [Fact]
    public void Dates_and_phone_numbers_are_not_read_as_fractions()
    {
        var values = NumberRecognizer.RecognizeNumber("on 5/17/2018 call +1-222-2222/2222").Select(r => r.Resolution["value"]).ToList();
        Assert.Equal(["5", "17", "2018", "1", "222", "2222", "2222"], values);
    }

    [Fact]
    public void Ordinals_and_relative_ordinals_are_told_apart()
    {
        var results = NumberRecognizer.RecognizeOrdinal("the third one, then the next one");
        Assert.Collection(
            results,
            r => Assert.Equal(("ordinal", "3"), (r.TypeName, (string)r.Resolution["value"])),
            r => Assert.Equal(("ordinal.relative", "current+1"), (r.TypeName, (string)r.Resolution["value"])));
    }

    [Fact]
    public void Percent_needs_a_percent_sign_or_word_and_skips_url_escapes()
    {
        Assert.Equal("12.5%", Assert.Single(NumberRecognizer.RecognizePercentage("a 12.5% rise")).Resolution["value"]);
        Assert.Empty(NumberRecognizer.RecognizePercentage("see http://x.com/a%20b?q=30%25"));
    }

    [Fact]
    public void Unsupported_culture_is_a_clear_error() =>
        Assert.Throws<NotSupportedException>(() => NumberRecognizer.RecognizeNumber("two", "fr-fr"));

    [Fact]
    public void Recognizers_are_safe_to_call_from_many_threads()
    {
        var texts = new[] { "twenty one", "3/4", "one and a half", "1,234,567", "minus five point five" };
        var expected = texts.Select(t => NumberRecognizer.RecognizeNumber(t).Single().Resolution["value"]).ToList();
        Parallel.For(0, 400, i =>
        {
            var k = i % texts.Length;
            Assert.Equal(expected[k], NumberRecognizer.RecognizeNumber(texts[k]).Single().Resolution["value"]);
        });
    }

    [Fact]
    public void Long_input_is_read_number_by_number()
    {
        var text = string.Join(" ", Enumerable.Repeat("twenty one", 2000));
        var results = NumberRecognizer.RecognizeNumber(text);
        Assert.Equal(2000, results.Count);
        Assert.All(results, r => Assert.Equal("21", r.Resolution["value"]));
    }

    [Fact]
    public void Null_query_is_a_clear_error() =>
        Assert.Throws<ArgumentNullException>(() => NumberRecognizer.RecognizeNumber(null!));
}
