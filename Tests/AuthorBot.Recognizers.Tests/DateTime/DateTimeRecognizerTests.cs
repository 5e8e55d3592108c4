using AuthorBot.Recognizers.DateTime;

namespace AuthorBot.Recognizers.Tests.DateTimeModelTests;

public sealed class DateTimeRecognizerTests
{
    private static readonly System.DateTime _reference = new(2016, 11, 7, 0, 0, 0, DateTimeKind.Unspecified);

    private static DateTimeModelResult Single(string query, System.DateTime? reference = null)
    {
        var results = DateTimeRecognizer.RecognizeDateTime(query, Culture.English, reference ?? _reference);
        return Assert.Single(results);
    }

    [Theory]
    [InlineData("I'll go back tomorrow", "tomorrow", "datetimeV2.date", "2016-11-08", "2016-11-08")]
    [InlineData("I'll go back 04th Jan 2019.", "04th jan 2019", "datetimeV2.date", "2019-01-04", "2019-01-04")]
    [InlineData("I'll go back the day after tomorrow", "the day after tomorrow", "datetimeV2.date", "2016-11-09", "2016-11-09")]
    [InlineData("I'll go back next Friday", "next friday", "datetimeV2.date", "2016-11-18", "2016-11-18")]
    [InlineData("I'll be back 7:56:30 pm", "7:56:30 pm", "datetimeV2.time", "T19:56:30", "19:56:30")]
    [InlineData("I'll go back tomorrow 8:00am", "tomorrow 8:00am", "datetimeV2.datetime", "2016-11-08T08:00", "2016-11-08 08:00:00")]
    [InlineData("in 5 minutes", "in 5 minutes", "datetimeV2.datetime", "2016-11-07T00:05:00", "2016-11-07 00:05:00")]
    [InlineData("I'll leave for 3 minutes", "3 minutes", "datetimeV2.duration", "PT3M", "180")]
    [InlineData("I'll leave for one hour and a half", "one hour and a half", "datetimeV2.duration", "PT1.5H", "5400")]
    [InlineData("She was born on January twenty five nineteen eighty six", "january twenty five nineteen eighty six", "datetimeV2.date", "1986-01-25", "1986-01-25")]
    [InlineData("I'll go back Monday two weeks from now.", "monday two weeks from now", "datetimeV2.date", "2016-11-21", "2016-11-21")]
    [InlineData("I'll go back in 3 days on Friday.", "in 3 days on friday", "datetimeV2.date", "2016-11-11", "2016-11-11")]
    [InlineData("I'll leave for 10D", "10d", "datetimeV2.duration", "P10D", "864000")]
    public void Single_valued_expressions_resolve_against_the_reference(string query, string text, string type, string timex, string value)
    {
        var r = Single(query);
        Assert.Equal(text, r.Text);
        Assert.Equal(type, r.TypeName);
        var v = Assert.Single(r.Values);
        Assert.Equal(timex, v["timex"]);
        Assert.Equal(value, v["value"]);
    }

    [Fact]
    public void Spans_use_inclusive_end_offsets()
    {
        var r = Single("I'll go back tomorrow");
        Assert.Equal(13, r.Start);
        Assert.Equal(20, r.End);
    }

    [Fact]
    public void A_date_without_year_gives_the_past_reading_then_the_future_one()
    {
        var r = Single("I'll go back Oct/2");
        Assert.Equal(["2016-10-02", "2017-10-02"], r.Values.Select(v => v["value"]));
        Assert.All(r.Values, v => Assert.Equal("XXXX-10-02", v["timex"]));
    }

    [Fact]
    public void A_bare_weekday_gives_last_and_next_occurrence()
    {
        var r = Single("I'll go back on Friday");
        Assert.Equal(["2016-11-04", "2016-11-11"], r.Values.Select(v => v["value"]));
    }

    [Fact]
    public void An_hour_without_am_or_pm_gives_both_readings_am_first()
    {
        var r = Single("It's half past seven o'clock");
        Assert.Equal(["T07:30", "T19:30"], r.Values.Select(v => v["timex"]));
    }

    [Fact]
    public void Weekday_and_bare_hour_give_four_readings()
    {
        var r = Single("Suprise office party for Ted on Sat at 5.", new System.DateTime(2018, 7, 13));
        Assert.Equal("datetimeV2.datetime", r.TypeName);
        Assert.Equal(["2018-07-07 05:00:00", "2018-07-14 05:00:00", "2018-07-07 17:00:00", "2018-07-14 17:00:00"], r.Values.Select(v => v["value"]));
    }

    [Fact]
    public void Next_week_is_an_iso_week_with_exclusive_end()
    {
        var r = Single("It happened on next week", new System.DateTime(2018, 6, 26));
        Assert.Equal("datetimeV2.daterange", r.TypeName);
        var v = Assert.Single(r.Values);
        Assert.Equal("2018-W27", v["timex"]);
        Assert.Equal("2018-07-02", v["start"]);
        Assert.Equal("2018-07-09", v["end"]);
    }

    [Fact]
    public void Since_turns_a_date_into_an_open_range()
    {
        var r = Single("I'll be out since tomorrow");
        Assert.Equal("since tomorrow", r.Text);
        var v = Assert.Single(r.Values);
        Assert.Equal("since", v["Mod"]);
        Assert.Equal("2016-11-08", v["start"]);
        Assert.False(v.ContainsKey("end"));
        Assert.Equal("datetimepoint", v["sourceEntity"]);
    }

    [Theory]
    [InlineData("May I ask what this is for?")]
    [InlineData("This may or may not be right.")]
    [InlineData("Have a great week!")]
    public void Ordinary_words_are_not_dates(string query) =>
        Assert.Empty(DateTimeRecognizer.RecognizeDateTime(query, Culture.English, _reference));

    [Fact]
    public void Unsupported_culture_is_a_clear_error() =>
        Assert.Throws<ArgumentException>(() => DateTimeRecognizer.RecognizeDateTime("tomorrow", "fr-fr", _reference));

    [Fact]
    public void Concurrent_calls_give_the_same_answers()
    {
        var queries = new[] { "next friday at 6pm", "in two hours", "tomorrow evening", "last week", "every Monday" };
        var expected = queries.Select(q => Describe(DateTimeRecognizer.RecognizeDateTime(q, Culture.English, _reference))).ToArray();
        var actual = new string[200];
        Parallel.For(0, actual.Length, i => actual[i] = Describe(DateTimeRecognizer.RecognizeDateTime(queries[i % queries.Length], Culture.English, _reference)));
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % queries.Length], actual[i]);
        }
    }

    private static string Describe(IReadOnlyList<DateTimeModelResult> results) =>
        string.Join("|", results.Select(r => r.TypeName + ":" + string.Join(",", r.Values.Select(v => string.Join(";", v.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value))))));

    [Theory]
    [InlineData("I was born in 2014.", "2014", "2014", "2014-01-01", "2015-01-01")]
    [InlineData("The range is between 2014 and 2018.", "between 2014 and 2018", "(2014-01-01,2018-01-01,P4Y)", "2014-01-01", "2018-01-01")]
    [InlineData("This task will start within 2 weeks after today", "within 2 weeks after today", "(2016-11-07,2016-11-21,P2W)", "2016-11-07", "2016-11-21")]
    [InlineData("I will leave from May to Oct 2020", "from may to oct 2020", "(2020-05-01,2020-10-01,P5M)", "2020-05-01", "2020-10-01")]
    [InlineData("The range is from 2007 to the end of 2008.", "from 2007 to the end of 2008", "(2007-01-01,2009-01-01,P24M)", "2007-01-01", "2009-01-01")]
    public void Closed_date_ranges_have_both_ends(string query, string text, string timex, string start, string end)
    {
        var r = Single(query);
        Assert.Equal(text, r.Text);
        Assert.Equal("datetimeV2.daterange", r.TypeName);
        var v = Assert.Single(r.Values);
        Assert.Equal(timex, v["timex"]);
        Assert.Equal(start, v["start"]);
        Assert.Equal(end, v["end"]);
    }

    [Fact]
    public void More_than_a_shift_before_an_anchor_is_an_open_range_ending_there()
    {
        var v = Assert.Single(Single("I finished more than 2 weeks before today").Values);
        Assert.Equal("before", v["Mod"]);
        Assert.Equal("2016-10-24", v["end"]);
        Assert.False(v.ContainsKey("start"));
    }

    [Fact]
    public void An_approximate_time_reports_a_range_type_and_keeps_its_bound()
    {
        var around = Single("I am feeling sick around 1pm");
        Assert.Equal("datetimeV2.time", around.TypeName);
        Assert.Equal("timerange", Assert.Single(around.Values)["type"]);

        var before = Assert.Single(Single("I am feeling sick before around 2pm today").Values);
        Assert.Equal("before-approx", before["Mod"]);
        Assert.Equal("2016-11-07 14:00:00", before["end"]);
    }

    [Fact]
    public void A_weekday_with_two_numbers_reads_hours_unless_the_date_falls_on_that_weekday()
    {
        var hours = Single("Where were you Monday 3-8", new System.DateTime(2018, 11, 1, 12, 0, 0, DateTimeKind.Unspecified));
        Assert.Equal("datetimeV2.datetimerange", hours.TypeName);

        var date = Single("sometime on Friday 7-6 with Jim", new System.DateTime(2018, 7, 6, 12, 0, 0, DateTimeKind.Unspecified));
        Assert.Equal("datetimeV2.date", date.TypeName);
        Assert.Equal("XXXX-07-06", date.Values[0]["timex"]);
    }
}
