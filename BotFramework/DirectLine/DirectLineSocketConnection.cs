using System.Net.WebSockets;
using System.Threading.Channels;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// One open stream socket. Frames arrive through a small bounded queue and a single writer loop
/// sends them, so the bot never waits on a slow client. While idle it holds no buffers: both loops
/// are parked awaits, and the 128-byte receive buffer only ever sees the client's empty keep-alives.
/// </summary>
internal sealed class DirectLineSocketConnection : IActivityStreamSubscriber
{
    private const int QueueCapacity = 256;
    private static readonly TimeSpan _closeHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(QueueCapacity)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private string? _closeReason;

    public DirectLineSocketConnection(WebSocket socket)
    {
        _socket = socket;
    }

    public bool TryEnqueue(byte[] frame) => _outbox.Writer.TryWrite(frame);

    public void Close(string reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        _outbox.Writer.TryComplete();
    }

    /// <summary>Runs until the client or the server closes the socket.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sending = SendLoopAsync(lifetime);
        try
        {
            var buffer = new byte[128];
            while (_socket.State == WebSocketState.Open)
            {
                // Client frames are only empty keep-alives; their content is read and dropped.
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), lifetime.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away or the server is stopping; either way this socket is done.
        }
        finally
        {
            _outbox.Writer.TryComplete();
        }

        await sending.ConfigureAwait(false);
        if (_socket.State == WebSocketState.CloseReceived)
        {
            await CloseQuietlyAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendLoopAsync(CancellationTokenSource lifetime)
    {
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(lifetime.Token).ConfigureAwait(false))
            {
                while (_outbox.Reader.TryRead(out var frame))
                {
                    await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, lifetime.Token).ConfigureAwait(false);
                }
            }

            if (_closeReason is { } reason && _socket.State == WebSocketState.Open)
            {
                // Server-initiated close: send the close frame, then give the client a moment to answer.
                lifetime.CancelAfter(_closeHandshakeTimeout);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, reason, lifetime.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A send failed: the socket is broken, so stop the receive side too.
            await lifetime.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task CloseQuietlyAsync(WebSocketCloseStatus status, string? reason, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.CloseOutputAsync(status, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Nothing more to do for a socket that is already gone.
        }
    }
}
