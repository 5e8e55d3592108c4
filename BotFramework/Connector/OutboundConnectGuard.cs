using System.Net;
using System.Net.Sockets;

namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// The Connector HTTP client's connect step: resolves the host, drops every address <see cref="OutboundAddressPolicy"/>
/// refuses, and connects only to what is left, so no name, IP spelling or DNS answer can point a Connector call inward.
/// Hosts on <see cref="ServiceUrlAllowList"/> skip the check. A refusal throws <see cref="ServiceUrlRefusedException"/>
/// before any byte is sent.
/// </summary>
internal sealed class OutboundConnectGuard(bool allowLoopback, ServiceUrlAllowList allowList, OutboundRefusalLog refusals)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        var allowListed = allowList.ContainsEndpoint(host, port);
        if (!allowListed && OutboundAddressPolicy.IsMetadataHost(host))
        {
            throw Refuse(host, "it names a cloud metadata service");
        }

        IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (!allowListed)
        {
            var allowed = addresses.Where(a => OutboundAddressPolicy.Refusal(a, allowLoopback) is null).ToArray();
            if (allowed.Length == 0)
            {
                var first = addresses.FirstOrDefault();
                throw first is null
                    ? Refuse(host, "it resolves to no address")
                    : Refuse(host, $"it resolves to {first}, which is {OutboundAddressPolicy.Refusal(first, allowLoopback)}");
            }

            addresses = allowed;
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private ServiceUrlRefusedException Refuse(string host, string reason)
    {
        refusals.Refused(host, reason + "; only public addresses are called unless BotFramework:Connector:AllowedServiceUrls lists the service URL");
        return new ServiceUrlRefusedException($"Refused to connect to {host}: {reason}.");
    }
}
