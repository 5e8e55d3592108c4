using System.Net;
using System.Net.Http.Headers;
using AuthorBot.BotFramework.Connector;

namespace AuthorBot.BotFramework.Tests.Connector;

public class ConnectorRetryTests
{
    private static readonly DateTimeOffset _now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ConnectorClientOptions _options = new() { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(10) };

    [Fact]
    public void Retry_after_in_seconds_wins_over_shorter_backoff()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), ConnectorRetry.Delay(response, 0, _options, _now, 0.5));
    }

    [Fact]
    public void Retry_after_as_http_date_is_measured_from_now()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(_now.AddSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(5), ConnectorRetry.Delay(response, 0, _options, _now, 0.5));
    }

    [Fact]
    public void Past_http_date_falls_back_to_backoff()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(_now.AddSeconds(-5));

        Assert.Equal(TimeSpan.FromMilliseconds(100), ConnectorRetry.Delay(response, 0, _options, _now, 0.5));
    }

    [Fact]
    public void Backoff_doubles_per_attempt_with_jitter_and_is_capped()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(400), ConnectorRetry.Delay(null, 2, _options, _now, 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(320), ConnectorRetry.Delay(null, 2, _options, _now, 0.0));
        Assert.True(ConnectorRetry.Delay(null, 2, _options, _now, 0.999) < TimeSpan.FromMilliseconds(480));
        Assert.Equal(_options.MaxDelay, ConnectorRetry.Delay(null, 30, _options, _now, 0.5));
    }

    [Fact]
    public void Huge_retry_after_is_capped()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1));

        Assert.Equal(_options.MaxDelay, ConnectorRetry.Delay(response, 0, _options, _now, 0.5));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.PreconditionFailed, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void Only_documented_transient_statuses_are_retried(HttpStatusCode status, bool expected)
    {
        Assert.Equal(expected, ConnectorRetry.IsTransient(status));
    }
}
