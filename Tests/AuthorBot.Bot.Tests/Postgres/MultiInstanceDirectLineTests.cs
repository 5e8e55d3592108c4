using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AuthorBot.Bot.Tests.EndToEnd;
using Xunit.Abstractions;

namespace AuthorBot.Bot.Tests.Postgres;

/// <summary>Direct Line on three instances sharing one PostgreSQL: one secret, one log, sockets fed whichever instance wrote.</summary>
[Collection(PostgresTests.Name)]
public sealed class MultiInstanceDirectLineTests(PostgresServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_Web_Chat_conversation_whose_WebSocket_is_on_instance_A_while_its_messages_are_posted_to_B_and_C_sees_every_reply_in_order()
    {
        using var folder = new TempFolder();
        var connectionString = await server.CreateDatabaseAsync();
        var hosts = new List<RunningHost>();
        try
        {
            // Each instance has a Direct Line data folder of its own, as on separate machines: no secret file is shared.
            foreach (var name in new[] { "a", "b", "c" })
            {
                hosts.Add(await RunningHost.StartAsync(PostgresInstance.Settings(connectionString, folder.Path, name)));
            }

            var (a, b, c) = (hosts[0], hosts[1], hosts[2]);

            // The page's token and the conversation's start come from A, and its socket stays on A.
            using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { Timeout = _patience };
            using var grant = await browser.PostAsync(new Uri(a.BaseAddress, "/api/directline/token"), new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
            using var granted = JsonDocument.Parse(await grant.Content.ReadAsStringAsync());
            var token = granted.RootElement.GetProperty("token").GetString()!;
            var userId = granted.RootElement.GetProperty("userId").GetString()!;
            browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var start = await browser.PostAsync(new Uri(a.BaseAddress, "/v3/directline/conversations"), null);
            Assert.True(start.IsSuccessStatusCode, $"start on A answered {(int)start.StatusCode}");
            using var started = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
            var conversationId = started.RootElement.GetProperty("conversationId").GetString()!;
            var streamUrl = new Uri(started.RootElement.GetProperty("streamUrl").GetString()!);
            Assert.Equal(a.BaseAddress.Port, streamUrl.Port);

            using var socket = new ClientWebSocket();
            using var connect = new CancellationTokenSource(_patience);
            await socket.ConnectAsync(streamUrl, connect.Token);
            var stream = new SocketLog(socket);
            var reading = stream.ReadAsync();

            // A token A issued is good on B (the signing secret is in the database, not in A's folder).
            using (var onB = new HttpRequestMessage(HttpMethod.Get, new Uri(b.BaseAddress, $"/v3/directline/conversations/{conversationId}/activities")))
            {
                onB.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var read = await browser.SendAsync(onB);
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            }

            // The page reloaded behind a balancer that sends it to C: C reads A's reader cookie (the Data Protection keys
            // are in the database too), so the reader keeps their id.
            using (var again = await browser.PostAsync(new Uri(c.BaseAddress, "/api/directline/token"), new StringContent("{}", Encoding.UTF8, "application/json")))
            {
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
                using var regranted = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
                Assert.Equal(userId, regranted.RootElement.GetProperty("userId").GetString());
            }

            string[] messages = ["subscribe to the newsletter", "Alice", "alice@example.com", "yes", "subscribe", "help", "what are you", "recommend a book"];
            var latencies = new List<double>();
            var lags = new List<double>();
            for (var i = 0; i < messages.Length; i++)
            {
                var target = i % 2 == 0 ? b : c;
                var posted = Stopwatch.GetTimestamp();
                var body = JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["type"] = "message",
                    ["from"] = new Dictionary<string, string> { ["id"] = userId },
                    ["text"] = messages[i],
                });
                using var post = await browser.PostAsync(new Uri(target.BaseAddress, $"/v3/directline/conversations/{conversationId}/activities"), new StringContent(body, Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.OK, post.StatusCode);
                using var answer = JsonDocument.Parse(await post.Content.ReadAsStringAsync());
                var postedId = answer.RootElement.GetProperty("id").GetString()!;
                var answered = Stopwatch.GetTimestamp();

                // Like Web Chat, the next message waits for the bot's reply to this one, which must reach A's socket.
                await stream.WaitForAsync(log => log.SkipWhile(x => x.Id != postedId).Skip(1).Any(x => x.Role == "bot"), _patience);
                latencies.Add(Stopwatch.GetElapsedTime(posted).TotalMilliseconds);

                // The reply was saved and announced before B or C answered the post; how much later it reached A's socket.
                var reply = stream.Snapshot().SkipWhile(x => x.Id != postedId).Skip(1).First(x => x.Role == "bot");
                lags.Add(Stopwatch.GetElapsedTime(answered, reply.At).TotalMilliseconds);
            }

            // The whole log, read from C, is exactly what A's socket delivered: every activity, once, in order.
            using var final = new HttpRequestMessage(HttpMethod.Get, new Uri(c.BaseAddress, $"/v3/directline/conversations/{conversationId}/activities"));
            final.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var finalResponse = await browser.SendAsync(final);
            using var finalLog = JsonDocument.Parse(await finalResponse.Content.ReadAsStringAsync());
            var logIds = finalLog.RootElement.GetProperty("activities").EnumerateArray().Select(x => x.GetProperty("id").GetString()!).ToList();
            var lastWatermark = long.Parse(finalLog.RootElement.GetProperty("watermark").GetString()!, CultureInfo.InvariantCulture);
            await stream.WaitForAsync(log => log.Count >= logIds.Count, TimeSpan.FromSeconds(5));
            var received = stream.Snapshot();
            Assert.Equal(logIds, received.Select(x => x.Id));
            Assert.Equal(received.Count, received.Select(x => x.Id).Distinct().Count());
            Assert.Equal(lastWatermark, stream.LastWatermark);
            Assert.True(stream.WatermarksIncrease, "A frame's watermark went backwards.");

            // In order: the reader's messages as sent, each followed by at least one reply, the signup confirmed.
            var userTexts = received.Where(x => x.Role == "user").Select(x => x.Text).ToList();
            Assert.Equal(messages, userTexts);
            for (var i = 0; i < received.Count - 1; i++)
            {
                if (received[i].Role == "user")
                {
                    Assert.Equal("bot", received[i + 1].Role);
                }
            }

            var afterYes = received.SkipWhile(x => x.Text != "yes").Skip(1).First();
            Assert.Equal("Thanks Alice, you're subscribed.", afterYes.Text);
            Assert.Contains("already subscribed", received.SkipWhile(x => x.Text != "subscribe").Skip(1).First().Text, StringComparison.Ordinal);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{received.Count} activities on A's socket for {messages.Length} posts to B and C; post-to-reply-on-A ms: {string.Join(", ", latencies.Select(l => l.ToString("F0", CultureInfo.InvariantCulture)))}; reply on A after B/C answered the post, ms: {string.Join(", ", lags.Select(l => l.ToString("F1", CultureInfo.InvariantCulture)))}"));

            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            await reading.WaitAsync(_patience);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>What one client socket received: each stored activity (id, role, text) in arrival order, and the watermarks.</summary>
    private sealed class SocketLog(ClientWebSocket socket)
    {
        private readonly ConcurrentQueue<Received> _received = new();
        private long _lastWatermark = -1;
        private bool _backwards;

        public long LastWatermark => Interlocked.Read(ref _lastWatermark);

        public bool WatermarksIncrease => !Volatile.Read(ref _backwards);

        public List<Received> Snapshot() => [.. _received];

        public async Task ReadAsync()
        {
            var buffer = new byte[64 * 1024];
            using var frame = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult result;
                try
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (frame.Length > 0)
                {
                    Take(frame.ToArray());
                }

                frame.SetLength(0);
            }
        }

        public async Task WaitForAsync(Func<List<Received>, bool> condition, TimeSpan patience)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
            while (!condition(Snapshot()))
            {
                Assert.True(Stopwatch.GetTimestamp() < deadline, "A's socket did not receive it: " + string.Join(" | ", Snapshot().Select(x => $"{x.Role}:{x.Text}")));
                await Task.Delay(20);
            }
        }

        private void Take(byte[] json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            foreach (var activity in root.GetProperty("activities").EnumerateArray())
            {
                var id = activity.GetProperty("id").GetString()!;
                if (activity.GetProperty("type").GetString() == "typing")
                {
                    continue;
                }

                var role = activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
                var text = activity.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
                _received.Enqueue(new Received(id, role, text, Stopwatch.GetTimestamp()));
            }

            if (root.TryGetProperty("watermark", out var mark) && long.TryParse(mark.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var watermark))
            {
                if (watermark < Interlocked.Read(ref _lastWatermark))
                {
                    Volatile.Write(ref _backwards, true);
                }

                Interlocked.Exchange(ref _lastWatermark, watermark);
            }
        }
    }

    private sealed record Received(string Id, string Role, string Text, long At);
}
