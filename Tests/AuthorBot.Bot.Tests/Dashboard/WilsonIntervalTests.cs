using AuthorBot.Bot.Dashboard;

namespace AuthorBot.Bot.Tests.Dashboard;

public class WilsonIntervalTests
{
    [Theory]
    // Reference values from the Wilson score formula with z = 1.96.
    [InlineData(10, 100, 0.0552, 0.1744)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(20, 20, 0.8389, 1.0)]
    [InlineData(0, 0, 0.0, 0.0)]
    public void The_interval_matches_the_wilson_score(int successes, int trials, double low, double high)
    {
        var (l, h) = WilsonInterval.Of(successes, trials);

        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }
}
