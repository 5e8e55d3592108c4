using System.Diagnostics;
using System.Net;
using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.Tests.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Tests.Diagnostics;

public sealed class ConnectorCallTelemetryTests : IAsyncLifetime, IDisposable
{
    // Created before the listener so the listener sees it: a static source would be created lazily from inside
    // ShouldListenTo, while the listener is still being registered, and never be listened to.
    private readonly ActivitySource _testSource = new("AuthorBot.Tests.ConnectorTelemetry");
    private readonly List<System.Diagnostics.Activity> _spans = [];
    private readonly ActivityListener _listener;
    private FakeChannel _channel = null!;
    private ServiceProvider _services = null!;

    public ConnectorCallTelemetryTests()
    {
        // Listens process-wide; the test keeps only the spans under its own parent.
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is BotTelemetry.SourceName || source == _testSource,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                lock (_spans)
                {
                    _spans.Add(span);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public async Task InitializeAsync()
    {
        _channel = await FakeChannel.StartAsync();
        _services = ConnectorTestServices.Build();
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _services.DisposeAsync();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _testSource.Dispose();
    }

    [Fact]
    public async Task A_throttled_call_reports_its_attempts_429s_and_final_status_without_ids()
    {
        _channel.FailNext(429, retryAfter: "0");
        _channel.FailNext(429, retryAfter: "0");
        using (var parent = _testSource.StartActivity("test"))
        {
            var client = _services.GetRequiredService<IConnectorClientFactory>().Create(_channel.ServiceUrl);
            await client.ReplyToActivityAsync("19:secret-conversation@thread", "activity-7", new(ActivityTypes.Message) { Text = "hi" }, default);
            var span = Assert.Single(Collected(parent!));

            Assert.Equal("connector POST v3/conversations/{id}/activities/{id}", span.DisplayName);
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal(3, span.GetTagItem(TelemetryAttributes.ConnectorAttempts));
            Assert.Equal(2, span.GetTagItem(TelemetryAttributes.ConnectorThrottled));
            Assert.Equal(200, span.GetTagItem(TelemetryAttributes.HttpStatusCode));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
            Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains("secret-conversation", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task A_refused_call_is_an_error_span_with_its_status()
    {
        _channel.FailNext(403);
        using var parent = _testSource.StartActivity("test");
        var client = _services.GetRequiredService<IConnectorClientFactory>().Create(_channel.ServiceUrl);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("c1", new(ActivityTypes.Message) { Text = "hi" }, default));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        var span = Assert.Single(Collected(parent!));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(403, span.GetTagItem(TelemetryAttributes.HttpStatusCode));
        Assert.Equal("403", span.GetTagItem(TelemetryAttributes.ErrorType));
        Assert.Equal(1, span.GetTagItem(TelemetryAttributes.ConnectorAttempts));
    }

    private List<System.Diagnostics.Activity> Collected(System.Diagnostics.Activity parent)
    {
        lock (_spans)
        {
            return [.. _spans.Where(s => s.ParentSpanId == parent.SpanId && s.Source.Name == BotTelemetry.SourceName)];
        }
    }
}
