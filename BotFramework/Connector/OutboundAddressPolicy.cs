using System.Net;
using System.Net.Sockets;

namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// Which addresses a Connector call may connect to. Channels' service URLs are public endpoints; an address on the
/// bot's own machine or network (loopback, private, link-local such as the cloud metadata service at 169.254.169.254,
/// IPv6 unique-local, carrier-grade NAT, multicast, reserved) would let whoever wrote the service URL make the bot
/// call, and send its token to, something only the bot can reach. The check is made on the address actually connected
/// to, after DNS, so decimal, hex or octal spellings and names that resolve inward are caught alike.
/// </summary>
internal static class OutboundAddressPolicy
{
    // Host names that reach a cloud metadata service whatever they resolve to; refused before any lookup.
    private static readonly string[] _metadataHosts = ["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"];

    /// <summary>Why <paramref name="address"/> is refused, or null for a public address.</summary>
    /// <param name="address">The resolved address.</param>
    /// <param name="allowLoopback">True in anonymous development mode, where Emulator listens on this machine.</param>
    public static string? Refusal(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback ? null : "loopback";
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => RefusalV4(address),
            AddressFamily.InterNetworkV6 => RefusalV6(address, allowLoopback),
            _ => "not an IP address",
        };
    }

    /// <summary>True for a host name that names a metadata service (any letter case, a trailing dot ignored).</summary>
    public static bool IsMetadataHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.TrimEnd('.');
        return _metadataHosts.Any(m => string.Equals(m, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when <paramref name="host"/> is <c>localhost</c> (or a name under it) or a loopback address literal.</summary>
    public static bool IsLoopbackHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.TrimEnd('.').Trim('[', ']');
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(name, out var address)
            && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    private static string? RefusalV4(IPAddress address)
    {
        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        return b[0] switch
        {
            0 => "this network (0.0.0.0/8)",
            10 => "private (10.0.0.0/8)",
            100 when (b[1] & 0xC0) == 64 => "shared address space (100.64.0.0/10)",
            127 => "loopback",
            169 when b[1] == 254 => "link-local, where cloud metadata services live (169.254.0.0/16)",
            172 when (b[1] & 0xF0) == 16 => "private (172.16.0.0/12)",
            192 when b[1] == 168 => "private (192.168.0.0/16)",
            192 when b[1] == 0 && b[2] == 0 => "IETF protocol assignments (192.0.0.0/24)",
            198 when (b[1] & 0xFE) == 18 => "benchmarking (198.18.0.0/15)",
            >= 224 => "multicast or reserved (224.0.0.0/3)",
            _ => null,
        };
    }

    private static string? RefusalV6(IPAddress address, bool allowLoopback)
    {
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified (::)";
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if (address.IsIPv6LinkLocal)
        {
            return "link-local (fe80::/10)";
        }

        if (address.IsIPv6SiteLocal)
        {
            return "site-local (fec0::/10)";
        }

        if (address.IsIPv6Multicast)
        {
            return "multicast (ff00::/8)";
        }

        if ((b[0] & 0xFE) == 0xFC)
        {
            return "unique local (fc00::/7)";
        }

        // IPv4 inside IPv6: compatible (::a.b.c.d) and the NAT64 well-known prefix (64:ff9b::/96) reach the IPv4 address.
        var compatible = b[..12].IndexOfAnyExcept((byte)0) < 0;
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0;
        if (compatible || nat64)
        {
            var v4 = new IPAddress(b[12..]);
            return IPAddress.IsLoopback(v4) ? (allowLoopback ? null : "loopback") : RefusalV4(v4);
        }

        return null;
    }
}
