using System.Net.WebSockets;
using System.Text.Json;

namespace AuthorBot.BotFramework.Tests.DirectLine;

public class DirectLineStreamTests
{
    private static readonly TimeSpan _receiveTimeout = TimeSpan.FromSeconds(10);

    private static async Task<JsonElement> ReceiveFrameAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(_receiveTimeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage && message.Length > 0)
            {
                return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            }
        }
    }

    private static string[] Texts(JsonElement frame) =>
        [.. DirectLineTestServer.Activities(frame).Select(a => a.TryGetProperty("text", out var t) ? t.GetString()! : "<" + a.GetProperty("type").GetString() + ">")];

    [Fact]
    public async Task Socket_replays_the_welcome_then_pushes_echo_typing_and_reply()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (conversationId, token, started) = await server.StartConversationAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), CancellationToken.None);

        var replay = await ReceiveFrameAsync(socket);
        Assert.Equal(["Welcome, dl_reader!"], Texts(replay));
        Assert.Equal("1", replay.GetProperty("watermark").GetString());

        // The client's keep-alive is an empty text frame; it must not close the stream.
        await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, CancellationToken.None);
        await server.PostMessageAsync(conversationId, token, "typing", "t1");

        var received = new List<string>();
        while (received.Count < 3)
        {
            received.AddRange(Texts(await ReceiveFrameAsync(socket)));
        }

        Assert.Equal(["typing", "<typing>", "done typing"], received);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Socket_opened_with_a_watermark_replays_only_what_came_after_it()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (conversationId, token, _) = await server.StartConversationAsync();
        await server.PostMessageAsync(conversationId, token, "first");
        var reconnect = await server.SendJsonAsync(HttpMethod.Get, $"conversations/{conversationId}?watermark=2", token);

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(reconnect.GetProperty("streamUrl").GetString()!), CancellationToken.None);

        Assert.Equal(["echo: first"], Texts(await ReceiveFrameAsync(socket)));
    }

    [Fact]
    public async Task Socket_with_a_bad_or_foreign_token_is_refused()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (conversationId, _, _) = await server.StartConversationAsync("dl_one");
        var (_, otherToken, _) = await server.StartConversationAsync("dl_two");
        var baseUri = new Uri(server.BaseAddress.ToString().Replace("http://", "ws://", StringComparison.Ordinal));

        using var forged = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => forged.ConnectAsync(new Uri(baseUri, $"conversations/{conversationId}/stream?t=forged"), CancellationToken.None));
        using var foreign = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(new Uri(baseUri, $"conversations/{conversationId}/stream?t={Uri.EscapeDataString(otherToken)}"), CancellationToken.None));
    }

    [Fact]
    public async Task Closing_the_socket_from_the_client_completes_the_handshake()
    {
        await using var server = await DirectLineTestServer.StartAsync();
        var (_, _, started) = await server.StartConversationAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        await ReceiveFrameAsync(socket);

        using var timeout = new CancellationTokenSource(_receiveTimeout);
        await socket.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "page unload", timeout.Token);

        Assert.Equal(WebSocketState.Closed, socket.State);
    }
}
