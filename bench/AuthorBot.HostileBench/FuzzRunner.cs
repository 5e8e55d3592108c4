using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace AuthorBot.HostileBench;

/// <summary>
/// Sends the seeded hostile requests to a running bot with bounded concurrency and records every answer: status per
/// surface, answers in 500-599 (a 501 to an invoke on /api/messages is documented and not counted), and dropped
/// connections (no HTTP answer at all). Learns tokens, conversations, announcements and attachment URLs from the answers.
/// </summary>
public sealed class FuzzRunner(Uri baseAddress, FuzzState state)
{
    private static readonly TimeSpan _requestTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<(string Target, int Status), int> _statuses = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly ConcurrentQueue<string> _dropped = new();
    private readonly ConcurrentQueue<string> _refusedRequestLines = new();
    private int _sent;

    /// <summary>Runs requests <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> - 1 of the run seeded <paramref name="seed"/>.</summary>
    public async Task<FuzzReport> RunAsync(int seed, int first, int count, int concurrency, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = _requestTimeout };
        await Parallel.ForEachAsync(
            Enumerable.Range(first, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (index, ct) => await SendAsync(http, HostileRequestGenerator.Create(seed, index, state), ct).ConfigureAwait(false)).ConfigureAwait(false);
        return new FuzzReport(
            Volatile.Read(ref _sent),
            new SortedDictionary<string, int>(_statuses.ToDictionary(p => $"{p.Key.Target} {p.Key.Status}", p => p.Value), StringComparer.Ordinal),
            [.. _serverErrors],
            [.. _dropped],
            DateTime.UtcNow - started)
        {
            RefusedRequestLines = [.. _refusedRequestLines],
        };
    }

    private async Task SendAsync(HttpClient http, HostileRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        int status;
        string? body = null;
        try
        {
            if (request.IsWebSocket)
            {
                status = await OpenSocketAsync(request, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var message = request.ToHttpRequest();
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (request.Lesson != FuzzLesson.None && response.IsSuccessStatusCode)
                {
                    body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or WebSocketException && !cancellationToken.IsCancellationRequested)
        {
            var what = $"{request.Target} {request.Method} {Shorten(request.Path)} ({request.Description}): {Chain(exception)}";
            if (request.Body is { Length: > 0 } && await RefusedAtRequestLineAsync(request.Path, cancellationToken).ConfigureAwait(false))
            {
                _refusedRequestLines.Enqueue(what);
            }
            else
            {
                _dropped.Enqueue(what);
            }

            return;
        }

        _statuses.AddOrUpdate((request.Target, status), 1, (_, n) => n + 1);
        if (status >= 500 && !(status == 501 && request.IsInvoke))
        {
            _serverErrors.Enqueue($"{status} {request.Target} {request.Method} {Shorten(request.Path)} ({request.Description})");
        }

        if (body is not null)
        {
            Learn(request, body);
        }
    }

    /// <summary>
    /// Whether the HTTP server itself refuses this request target (a decoded NUL, say): Kestrel answers 400 with
    /// Connection: close at the request line, before any application code runs or any body is read, so HttpClient,
    /// still writing the body, sees a broken pipe instead of the answer. Probed with a bodiless GET on a raw socket: an
    /// application answer would be 404 or 405 on a kept-alive connection.
    /// </summary>
    private async Task<bool> RefusedAtRequestLineAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var client = new TcpClient();
            await client.ConnectAsync(baseAddress.Host, baseAddress.Port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            var target = path.StartsWith('/') ? path : "/" + path;
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\n\r\n"), timeout.Token).ConfigureAwait(false);
            var buffer = new byte[4096];
            var read = 0;
            int chunk;
            while (read < buffer.Length && (chunk = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token).ConfigureAwait(false)) > 0)
            {
                read += chunk;
                if (Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    break;
                }
            }

            var head = Encoding.ASCII.GetString(buffer, 0, read);
            return head.StartsWith("HTTP/1.1 400 ", StringComparison.Ordinal) && head.Contains("\r\nConnection: close\r\n", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The stream: the handshake's status (101 when it opened), a garbage frame, a close.</summary>
    private async Task<int> OpenSocketAsync(HostileRequest request, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(new Uri(baseAddress, request.Path)) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws" }.Uri;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout);
        try
        {
            await socket.ConnectAsync(uri, timeout.Token).ConfigureAwait(false);
        }
        catch (WebSocketException) when (socket.HttpStatusCode != 0)
        {
            // Refused with an HTTP answer (401, 403, 404, 400): that is an answer, not a drop.
            return (int)socket.HttpStatusCode;
        }

        if (request.Body is { Length: > 0 } frame)
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, timeout.Token).ConfigureAwait(false);
        }

        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "fuzz done", timeout.Token).ConfigureAwait(false);
        return (int)HttpStatusCode.SwitchingProtocols;
    }

    private void Learn(HostileRequest request, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            switch (request.Lesson)
            {
                case FuzzLesson.Token when root.TryGetProperty("token", out var token) && root.TryGetProperty("conversationId", out var conversation):
                    state.Add(new FuzzSession(token.GetString()!, conversation.GetString()!, Started: false));
                    break;
                case FuzzLesson.Conversation when root.TryGetProperty("token", out var token) && root.TryGetProperty("conversationId", out var conversation):
                    state.Add(new FuzzSession(token.GetString()!, conversation.GetString()!, Started: true));
                    break;
                case FuzzLesson.Announcement when root.TryGetProperty("id", out var id):
                    state.AddAnnouncement(id.GetString()!);
                    break;
                case FuzzLesson.Activities when root.TryGetProperty("activities", out var activities):
                    foreach (var activity in activities.EnumerateArray())
                    {
                        if (activity.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var attachment in attachments.EnumerateArray())
                            {
                                if (attachment.TryGetProperty("contentUrl", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var absolute)
                                    && absolute.AbsolutePath.Contains("/attachments/", StringComparison.Ordinal))
                                {
                                    state.AddAttachment(absolute.AbsolutePath);
                                }
                            }
                        }
                    }

                    break;
                default:
                    break;
            }
        }
        catch (JsonException)
        {
            // An answer that is not JSON teaches nothing.
        }
    }

    // The outer HttpRequestException only says the send failed; the inner ones say whether the server reset the
    // connection, closed it early or the client timed out, which is what tells a bot fault from a client one.
    private static string Chain(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null && parts.Count < 4; current = current.InnerException)
        {
            parts.Add($"{current.GetType().Name}: {current.Message}");
        }

        return string.Join(" <- ", parts);
    }

    private static string Shorten(string path) => path.Length <= 120 ? path : path[..120] + "...";
}
