using System.Diagnostics;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AuthorBot.Bot.Tests.Telemetry;

[Collection(TelemetryTestGroup.Name)]
public class TelemetryHostTests
{
    private const string Dialog = "NewsletterSignupDialog";
    private const string ReaderName = "Zebulon Quimby";
    private const string Email = "zebulon.quimby@example.org";
    private const string NotAnEmail = "zebulon at nowhere";

    [Fact]
    public async Task A_signup_yields_turn_spans_with_its_dialog_and_steps_and_the_metric_counts_and_no_personal_data()
    {
        var captured = new CapturedTelemetry();
        await using var channel = await FakeChannel.StartAsync();
        await using var host = await RunningHost.StartWithMemoryAsync(captured.AddTo);
        var conversationId = "conversation-" + Guid.NewGuid().ToString("N");
        var userId = "reader-" + Guid.NewGuid().ToString("N");
        string[] said = ["subscribe to the newsletter", ReaderName, NotAnEmail, Email, "yes"];
        foreach (var text in said)
        {
            Assert.NotEmpty(await channel.SayAsync(host, conversationId, userId, text));
        }

        var conversationHash = host.Services.GetRequiredService<TelemetryIdHasher>().Hash(conversationId);
        var turns = captured.Spans
            .Where(s => s.Source.Name == BotTelemetry.SourceName && s.DisplayName == "turn message"
                && Equals(s.GetTagItem(TelemetryAttributes.ConversationHash), conversationHash))
            .OrderBy(s => s.StartTimeUtc)
            .ToList();

        Assert.Equal(said.Length, turns.Count);
        Assert.All(turns, t => Assert.Equal(Dialog, t.GetTagItem(TelemetryAttributes.Dialog)));
        Assert.All(turns, t => Assert.Equal("emulator", t.GetTagItem(TelemetryAttributes.Channel)));
        Assert.All(turns, t => Assert.Equal("ok", t.GetTagItem(TelemetryAttributes.TurnOutcome)));
        Assert.All(turns, t => Assert.Equal(host.Services.GetRequiredService<TelemetryIdHasher>().Hash(userId), t.GetTagItem(TelemetryAttributes.ReaderHash)));

        // Name asked (step 1), email asked (2), the bad email asked again (a retry runs no step), consent (3), saved (4).
        Assert.Equal(new object?[] { 1, 2, null, 3, 4 }, turns.Select(t => t.GetTagItem(TelemetryAttributes.Step)));
        Assert.Equal(
            new object?[] { "newsletter.name", "newsletter.email", "newsletter.email", "newsletter.consent", null },
            turns.Select(t => t.GetTagItem(TelemetryAttributes.Prompt)));
        Assert.Equal("newsletter", turns[0].GetTagItem(TelemetryAttributes.Intent));
        Assert.InRange(Assert.IsType<double>(turns[0].GetTagItem(TelemetryAttributes.IntentScore)), 0.5, 1.0);

        // Every reply went out as a Connector call inside its turn, with the ids out of the operation.
        var connector = captured.Spans.Where(s => s.Source.Name == BotTelemetry.SourceName && s.DisplayName.StartsWith("connector ", StringComparison.Ordinal)).ToList();
        Assert.True(connector.Count >= said.Length, $"{connector.Count} Connector spans");
        Assert.All(connector, c => Assert.Equal("POST v3/conversations/{id}/activities/{id}", c.GetTagItem(TelemetryAttributes.ConnectorOperation)));
        Assert.All(connector, c => Assert.Equal(200, c.GetTagItem(TelemetryAttributes.HttpStatusCode)));
        Assert.All(connector, c => Assert.Contains(turns, t => t.TraceId == c.TraceId));
        Assert.Contains(captured.Spans, s => s.Source.Name == BotTelemetry.SourceName && s.DisplayName == "storage write");

        var metrics = captured.CollectMetrics(host.Services);
        (string, object)[] okMessages = [(TelemetryAttributes.Channel, "emulator"), (TelemetryAttributes.ActivityType, "message"), (TelemetryAttributes.TurnOutcome, "ok")];
        Assert.Equal(said.Length, CapturedTelemetry.Sum(metrics, "authorbot.turns", okMessages));
        Assert.Equal(said.Length, CapturedTelemetry.Count(metrics, "authorbot.turn.duration", okMessages));
        Assert.Equal(1, CapturedTelemetry.Sum(metrics, "authorbot.dialog.starts", (TelemetryAttributes.Dialog, Dialog)));
        Assert.Equal(1, CapturedTelemetry.Sum(metrics, "authorbot.dialog.completions", (TelemetryAttributes.Dialog, Dialog)));
        Assert.Equal(0, CapturedTelemetry.Sum(metrics, "authorbot.dialog.abandonments", (TelemetryAttributes.Dialog, Dialog)));
        Assert.Equal(1, CapturedTelemetry.Sum(metrics, "authorbot.prompt.retries", (TelemetryAttributes.Prompt, "newsletter.email")));
        Assert.Equal(connector.Count, CapturedTelemetry.Sum(metrics, "authorbot.connector.calls", (TelemetryAttributes.HttpStatusCode, 200)));
        Assert.True(CapturedTelemetry.Count(metrics, "authorbot.storage.duration", (TelemetryAttributes.StorageOperation, "write"), (TelemetryAttributes.StorageOutcome, "ok")) >= said.Length);

        // Nothing the reader typed, nor their name, email or raw ids, in any attribute of anything exported.
        string[] personal = [.. said.Where(s => s.Length > 3), "Zebulon", "Quimby", "zebulon.quimby", conversationId, userId];
        var attributes = captured.EveryAttribute(metrics).ToList();
        Assert.True(attributes.Count > 100, $"only {attributes.Count} attributes were exported");
        foreach (var attribute in attributes)
        {
            foreach (var secret in personal)
            {
                Assert.False(attribute.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{attribute}' contains '{secret}'");
            }
        }
    }

    [Fact]
    public async Task A_cancelled_flow_counts_as_abandoned_and_an_exhausted_prompt_is_counted()
    {
        var captured = new CapturedTelemetry();
        await using var host = await RunningHost.StartWithMemoryAsync(captured.AddTo);
        await host.ExpectRepliesAsync("c-cancel", "u-cancel", "subscribe to the newsletter");
        await host.ExpectRepliesAsync("c-cancel", "u-cancel", "cancel");
        await host.ExpectRepliesAsync("c-give-up", "u-give-up", "subscribe to the newsletter");
        await host.ExpectRepliesAsync("c-give-up", "u-give-up", "Ann");
        foreach (var attempt in new[] { "no", "still no", "nope" })
        {
            await host.ExpectRepliesAsync("c-give-up", "u-give-up", attempt);
        }

        var metrics = captured.CollectMetrics(host.Services);
        Assert.Equal(2, CapturedTelemetry.Sum(metrics, "authorbot.dialog.starts", (TelemetryAttributes.Dialog, Dialog)));
        Assert.Equal(1, CapturedTelemetry.Sum(metrics, "authorbot.dialog.abandonments", (TelemetryAttributes.Dialog, Dialog)));
        Assert.Equal(2, CapturedTelemetry.Sum(metrics, "authorbot.prompt.retries", (TelemetryAttributes.Prompt, "newsletter.email")));
        Assert.Equal(1, CapturedTelemetry.Sum(metrics, "authorbot.prompt.exhausted", (TelemetryAttributes.Prompt, "newsletter.email")));
        var cancelTurn = Assert.Single(captured.Spans, s => s.DisplayName == "turn message"
            && Equals(s.GetTagItem(TelemetryAttributes.ConversationHash), host.Services.GetRequiredService<TelemetryIdHasher>().Hash("c-cancel"))
            && s.GetTagItem(TelemetryAttributes.Dialog) is null);
        Assert.Equal(ActivityStatusCode.Unset, cancelTurn.Status);
    }

    [Fact]
    public async Task Without_an_exporter_no_provider_listens_and_a_Prometheus_scrape_makes_one_that_counts_turns()
    {
        await using (var quiet = await RunningHost.StartWithMemoryAsync())
        {
            Assert.Null(quiet.Services.GetService<TracerProvider>());
            Assert.Null(quiet.Services.GetService<MeterProvider>());
            Assert.Contains("name", await quiet.ExpectRepliesAsync("c-quiet", "u-quiet", "subscribe to the newsletter"), StringComparison.OrdinalIgnoreCase);
        }

        await using var scraped = await RunningHost.StartAsync(["--Storage:Provider=Memory", "--Telemetry:Prometheus=true"]);
        Assert.NotNull(scraped.Services.GetService<MeterProvider>());

        // A scrape exports metrics only, so nothing collects spans.
        Assert.Null(scraped.Services.GetService<TracerProvider>());
        await scraped.ExpectRepliesAsync("c-scraped", "u-scraped", "subscribe to the newsletter");
        var exposition = await scraped.Client.GetStringAsync("/metrics");
        Assert.Contains("authorbot_turns", exposition, StringComparison.Ordinal);
        Assert.DoesNotContain("u-scraped", exposition, StringComparison.Ordinal);
    }
}
